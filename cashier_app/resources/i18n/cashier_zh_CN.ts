<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Cashier</source>
            <translation>关于收银台</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>程序包</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据目录</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置目录</translation>
        </message>
        <message>
            <source>Log file</source>
            <translation>日志文件</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cashier&lt;/b&gt;&lt;br&gt;Alipay and Alipay+ wallet payments on the Antom gateway</source>
            <translation>&lt;b&gt;收银台&lt;/b&gt;&lt;br&gt;通过 Antom 网关收取支付宝与 Alipay+ 钱包付款</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>AmountField</name>
        <message>
            <source>“%1” cannot be part of an amount: type the digits 0-9 and one decimal point</source>
            <extracomment>Longer text is no amount (16 digits, separators); the cap only stops runaway pastes. Characters that can be part of a typed amount (a leading sign is Money.parse's call). Decimal marks a CJK input method types in full-width mode that NFKC leaves alone.</extracomment>
            <translation>“%1”不能出现在金额中：请输入数字 0-9 和一个小数点</translation>
        </message>
        <message>
            <source>%1 is more than the largest sale this till takes (%2)</source>
            <translation>%1 超过本收银台的单笔最高金额（%2）</translation>
        </message>
    </context>
    <context>
        <name>CashierError</name>
        <message>
            <source>'active' must be a profile name</source>
            <translation>“active”必须是配置名称</translation>
        </message>
        <message>
            <source>'profiles' must be an object</source>
            <translation>“profiles”必须是一个对象</translation>
        </message>
        <message>
            <source>--amount {amount} is more than the {left} left to refund on payment {payment_request_id}</source>
            <translation>--amount {amount} 超过支付 {payment_request_id} 剩余可退款的 {left}</translation>
        </message>
        <message>
            <source>--amount/--currency: {exc}</source>
            <translation>--amount/--currency：{exc}</translation>
        </message>
        <message>
            <source>--amount: {exc}</source>
            <translation>--amount：{exc}</translation>
        </message>
        <message>
            <source>--auto-{action} {seconds}: must be from 0 to {max_delay} seconds</source>
            <translation>--auto-{action} {seconds}：必须在 0 到 {max_delay} 秒之间</translation>
        </message>
        <message>
            <source>--bind {bind}: {problem}</source>
            <translation>--bind {bind}：{problem}</translation>
        </message>
        <message>
            <source>--bind {text!r} must be HOST:PORT, e.g. 127.0.0.1:8080</source>
            <translation>--bind {text!r} 必须是 主机:端口，例如 127.0.0.1:8080</translation>
        </message>
        <message>
            <source>--client-id {client_id!r} must be ASCII without spaces</source>
            <translation>--client-id {client_id!r} 必须是不含空格的 ASCII 字符</translation>
        </message>
        <message>
            <source>--currency: {exc}</source>
            <translation>--currency：{exc}</translation>
        </message>
        <message>
            <source>--dsn: {exc}</source>
            <translation>--dsn：{exc}</translation>
        </message>
        <message>
            <source>--expiry {expiry}: must be greater than zero</source>
            <translation>--expiry {expiry}：必须大于零</translation>
        </message>
        <message>
            <source>--gateway-private-key: {exc}</source>
            <translation>--gateway-private-key：{exc}</translation>
        </message>
        <message>
            <source>--gateway-public-key: {exc}</source>
            <translation>--gateway-public-key：{exc}</translation>
        </message>
        <message>
            <source>--gateway: {exc}</source>
            <translation>--gateway：{exc}</translation>
        </message>
        <message>
            <source>--host {host}: not a loopback address; the sandbox's control endpoints are unauthenticated (add --allow-remote to insist)</source>
            <translation>--host {host}：不是回环地址；沙箱的控制接口没有身份验证（如确需如此，请加 --allow-remote）</translation>
        </message>
        <message>
            <source>--json is for --headless</source>
            <translation>--json 只能与 --headless 一起使用</translation>
        </message>
        <message>
            <source>--lan {lan}: {exc}</source>
            <translation>--lan {lan}：{exc}</translation>
        </message>
        <message>
            <source>--lan {text}: the port must be a number from 0 to 65535</source>
            <translation>--lan {text}：端口必须是 0 到 65535 之间的数字</translation>
        </message>
        <message>
            <source>--lan {text}: {exc}</source>
            <translation>--lan {text}：{exc}</translation>
        </message>
        <message>
            <source>--merchant {client_id}: {key_file}: {exc}</source>
            <translation>--merchant {client_id}：{key_file}：{exc}</translation>
        </message>
        <message>
            <source>--merchant {spec!r}: expected CLIENT_ID=PUBLIC_KEY_FILE</source>
            <translation>--merchant {spec!r}：应为 CLIENT_ID=PUBLIC_KEY_FILE</translation>
        </message>
        <message>
            <source>--method is required (e.g. ALIPAY_HK)</source>
            <translation>必须提供 --method（例如 ALIPAY_HK）</translation>
        </message>
        <message>
            <source>--method: {exc}</source>
            <translation>--method：{exc}</translation>
        </message>
        <message>
            <source>--method: {type} does not accept {currency} (it accepts {currencies})</source>
            <translation>--method：{type} 不接受 {currency}（接受：{currencies}）</translation>
        </message>
        <message>
            <source>--notify-compression {notify_compression}: must be greater than zero</source>
            <translation>--notify-compression {notify_compression}：必须大于零</translation>
        </message>
        <message>
            <source>--payment-code CODE is required (or --simulate SCENARIO on a sandbox)</source>
            <translation>必须提供 --payment-code CODE（在沙箱上也可用 --simulate SCENARIO）</translation>
        </message>
        <message>
            <source>--payment-code and --scenario are for --product in-store</source>
            <translation>--payment-code 和 --scenario 只用于 --product in-store</translation>
        </message>
        <message>
            <source>--payment-code is for --scenario PaymentCode (the till scans the customer's code)</source>
            <translation>--payment-code 只用于 --scenario PaymentCode（收银台扫描顾客的付款码）</translation>
        </message>
        <message>
            <source>--payment-code: {exc}</source>
            <translation>--payment-code：{exc}</translation>
        </message>
        <message>
            <source>--port {port}: must be from 0 to 65535</source>
            <translation>--port {port}：必须在 0 到 65535 之间</translation>
        </message>
        <message>
            <source>--port {port}: {exc}</source>
            <translation>--port {port}：{exc}</translation>
        </message>
        <message>
            <source>--private-key: {exc}</source>
            <translation>--private-key：{exc}</translation>
        </message>
        <message>
            <source>--profile cannot be combined with --client-id/--gateway-public-key</source>
            <translation>--profile 不能与 --client-id/--gateway-public-key 同时使用</translation>
        </message>
        <message>
            <source>--profile cannot be combined with --gateway</source>
            <translation>--profile 不能与 --gateway 同时使用</translation>
        </message>
        <message>
            <source>--profile {profile}: {exc}</source>
            <translation>--profile {profile}：{exc}</translation>
        </message>
        <message>
            <source>--reason is longer than 256 characters</source>
            <translation>--reason 超过 256 个字符</translation>
        </message>
        <message>
            <source>--sandbox URL is needed (the url `cashier sandbox` printed), or set ${env_url}</source>
            <translation>需要 --sandbox URL（`cashier sandbox` 输出的 url），或设置 ${env_url}</translation>
        </message>
        <message>
            <source>--sandbox: {exc}</source>
            <translation>--sandbox：{exc}</translation>
        </message>
        <message>
            <source>--sign-workers {sign_workers}: must be from 0 to 64</source>
            <translation>--sign-workers {sign_workers}：必须在 0 到 64 之间</translation>
        </message>
        <message>
            <source>--simulate needs a sandbox gateway</source>
            <translation>--simulate 需要沙箱网关</translation>
        </message>
        <message>
            <source>--simulate needs a sandbox gateway (http:// on loopback)</source>
            <translation>--simulate 需要沙箱网关（回环地址上的 http://）</translation>
        </message>
        <message>
            <source>--simulate needs a sandbox profile</source>
            <translation>--simulate 需要沙箱配置</translation>
        </message>
        <message>
            <source>--simulate {simulate} is for --product in-store</source>
            <translation>--simulate {simulate} 只用于 --product in-store</translation>
        </message>
        <message>
            <source>--simulate {simulate} is for a scanned code; an order code takes approve, decline or expire</source>
            <translation>--simulate {simulate} 用于扫描的付款码；订单码只接受 approve、decline 或 expire</translation>
        </message>
        <message>
            <source>--simulate: no sandbox wallet takes {currency}; give --method</source>
            <translation>--simulate：没有沙箱钱包接受 {currency}；请提供 --method</translation>
        </message>
        <message>
            <source>--simulate: the sandbox gave no payment code: {exc}</source>
            <translation>--simulate：沙箱未给出付款码：{exc}</translation>
        </message>
        <message>
            <source>--status {text!r}: unknown status (choose from {statuses})</source>
            <translation>--status {text!r}：未知状态（可选：{statuses}）</translation>
        </message>
        <message>
            <source>--summary is longer than 256 characters</source>
            <translation>--summary 超过 256 个字符</translation>
        </message>
        <message>
            <source>--till-id: {exc}</source>
            <translation>--till-id：{exc}</translation>
        </message>
        <message>
            <source>--timeout {text!r} is not a number of seconds</source>
            <translation>--timeout {text!r} 不是秒数</translation>
        </message>
        <message>
            <source>--timeout {text!r} must be a positive number of seconds</source>
            <translation>--timeout {text!r} 必须是正的秒数</translation>
        </message>
        <message>
            <source>--timezone: {exc}</source>
            <translation>--timezone：{exc}</translation>
        </message>
        <message>
            <source>--tz {text!r} is not a known time zone (e.g. Asia/Hong_Kong)</source>
            <translation>--tz {text!r} 不是已知的时区（例如 Asia/Hong_Kong）</translation>
        </message>
        <message>
            <source>--{value} is required with {flags}</source>
            <translation>使用 {flags} 时必须提供 --{value}</translation>
        </message>
        <message>
            <source>--{value}: {exc}</source>
            <translation>--{value}：{exc}</translation>
        </message>
        <message>
            <source>AlipayHK pay failed: {exc}</source>
            <translation>AlipayHK 支付失败：{exc}</translation>
        </message>
        <message>
            <source>IDR amounts must be whole rupiah (the value must end in 00)</source>
            <translation>印尼盾金额必须为整卢比（数值须以 00 结尾）</translation>
        </message>
        <message>
            <source>LAN address {address!r} cannot be put in a QR code; give this computer's own address on the phone's Wi-Fi network, e.g. 192.168.1.20</source>
            <translation>局域网地址 {address!r} 不能放入二维码；请提供本机在手机所在 Wi-Fi 网络中的地址，例如 192.168.1.20</translation>
        </message>
        <message>
            <source>LAN address {address!r} is not an IP address; give this computer's address on the phone's Wi-Fi network, e.g. 192.168.1.20</source>
            <translation>局域网地址 {address!r} 不是 IP 地址；请提供本机在手机所在 Wi-Fi 网络中的地址，例如 192.168.1.20</translation>
        </message>
        <message>
            <source>LAN port {port!r} must be a number from 0 to 65535</source>
            <translation>局域网端口 {port!r} 必须是 0 到 65535 之间的数字</translation>
        </message>
        <message>
            <source>OS keyring not usable: {refusal}</source>
            <translation>系统密钥环不可用：{refusal}</translation>
        </message>
        <message>
            <source>PEM key armour is damaged (BEGIN and END labels differ)</source>
            <translation>PEM 密钥的首尾标记已损坏（BEGIN 与 END 标签不一致）</translation>
        </message>
        <message>
            <source>PEM key has no END line (truncated paste?)</source>
            <translation>PEM 密钥缺少 END 行（粘贴不完整？）</translation>
        </message>
        <message>
            <source>RSA key is {bits} bits; Antom needs at least {min_key_bits}</source>
            <translation>RSA 密钥为 {bits} 位；Antom 至少需要 {min_key_bits} 位</translation>
        </message>
        <message>
            <source>Signer needs an RSA private key object</source>
            <translation>签名器需要 RSA 私钥对象</translation>
        </message>
        <message>
            <source>Verifier needs an RSA public key object</source>
            <translation>验签器需要 RSA 公钥对象</translation>
        </message>
        <message>
            <source>a PIN has {low} to {high} digits</source>
            <translation>PIN 码为 {low} 到 {high} 位数字</translation>
        </message>
        <message>
            <source>a PIN takes only the digits 0-9</source>
            <translation>PIN 码只能包含数字 0-9</translation>
        </message>
        <message>
            <source>a User-presented Mode payment needs the customer's code</source>
            <translation>出示码模式（User-presented Mode）的支付需要顾客的付款码</translation>
        </message>
        <message>
            <source>a fault must be a JSON object with at least 'kind'</source>
            <translation>故障必须是至少包含 'kind' 的 JSON 对象</translation>
        </message>
        <message>
            <source>a header field is missing or malformed</source>
            <translation>文件头的某个字段缺失或格式错误</translation>
        </message>
        <message>
            <source>a manager's PIN is needed to cancel a paid payment</source>
            <translation>取消已支付的交易需要经理的 PIN 码</translation>
        </message>
        <message>
            <source>a manager's PIN is needed to change profiles, keys or operators</source>
            <translation>更改配置、密钥或操作员需要经理的 PIN 码</translation>
        </message>
        <message>
            <source>a manager's PIN is needed to refund</source>
            <translation>退款需要经理的 PIN 码</translation>
        </message>
        <message>
            <source>a manager's PIN is needed: run it as a manager (--operator) or add --approved-by MANAGER</source>
            <translation>需要经理的 PIN：请以经理身份运行（--operator），或加上 --approved-by MANAGER</translation>
        </message>
        <message>
            <source>a part of the path is not a folder</source>
            <translation>路径中有一部分不是文件夹</translation>
        </message>
        <message>
            <source>a payment cannot go from {current} to {new}</source>
            <translation>支付状态不能从 {current} 变为 {new}</translation>
        </message>
        <message>
            <source>a payment is already in the journal ({exc})</source>
            <translation>交易日志中已有该支付（{exc}）</translation>
        </message>
        <message>
            <source>a profile cannot be renamed; create a new one</source>
            <translation>配置不能重命名；请新建一个</translation>
        </message>
        <message>
            <source>a profile must be a JSON object</source>
            <translation>配置必须是 JSON 对象</translation>
        </message>
        <message>
            <source>a refund needs a sale step before it</source>
            <translation>退款之前需要有一个交易步骤</translation>
        </message>
        <message>
            <source>a standalone gateway needs {missing} as well</source>
            <translation>独立网关还需要 {missing}</translation>
        </message>
        <message>
            <source>acknowledge replicated changes in</source>
            <translation>确认已同步的更改于</translation>
        </message>
        <message>
            <source>action: required, one of {actions}</source>
            <translation>action：必填，取值为 {actions} 之一</translation>
        </message>
        <message>
            <source>action: {action!r} is not one of {actions}</source>
            <translation>action：{action!r} 不是 {actions} 之一</translation>
        </message>
        <message>
            <source>action: {action!r} must be a string, one of {actions}</source>
            <translation>action：{action!r} 必须是字符串，取值为 {actions} 之一</translation>
        </message>
        <message>
            <source>active profile {name} is not defined in it</source>
            <translation>其中没有定义当前配置 {name}</translation>
        </message>
        <message>
            <source>after_seconds: required, a number from 0 to {max_delay}</source>
            <translation>after_seconds：必填，0 到 {max_delay} 之间的数字</translation>
        </message>
        <message>
            <source>after_seconds: {delay!r} must be a number of seconds from 0 to {max_delay}</source>
            <translation>after_seconds：{delay!r} 必须是 0 到 {max_delay} 之间的秒数</translation>
        </message>
        <message>
            <source>amount has more than {digits} digits</source>
            <translation>金额超过 {digits} 位数字</translation>
        </message>
        <message>
            <source>amount is empty</source>
            <translation>金额为空</translation>
        </message>
        <message>
            <source>amount must be an object with currency and value</source>
            <translation>金额必须是包含币种和数值的对象</translation>
        </message>
        <message>
            <source>amount must be greater than zero</source>
            <translation>金额必须大于零</translation>
        </message>
        <message>
            <source>amount must be text such as 12.30</source>
            <translation>金额必须是文本，例如 12.30</translation>
        </message>
        <message>
            <source>amount must not be negative</source>
            <translation>金额不能为负数</translation>
        </message>
        <message>
            <source>amount value is missing</source>
            <translation>缺少金额数值</translation>
        </message>
        <message>
            <source>amount value must be an integer number of minor units, not {type}</source>
            <translation>金额必须是以最小货币单位表示的整数，而不是 {type}</translation>
        </message>
        <message>
            <source>amount value {text} is not a string of digits</source>
            <translation>金额数值 {text} 不是数字串</translation>
        </message>
        <message>
            <source>amount {text} is not a number</source>
            <translation>金额 {text} 不是数字</translation>
        </message>
        <message>
            <source>amount {text} must be typed with the digits 0-9</source>
            <translation>金额 {text} 必须使用数字 0-9 输入</translation>
        </message>
        <message>
            <source>amount {text}: '_' is not part of an amount; type 1234.50 or 1,234.50</source>
            <translation>金额 {text}：“_”不是金额的一部分；请输入 1234.50 或 1,234.50</translation>
        </message>
        <message>
            <source>amount {text}: a comma only groups thousands (1,234.50); use '.' for decimals</source>
            <translation>金额 {text}：逗号只能用作千位分隔（1,234.50）；小数请用“.”</translation>
        </message>
        <message>
            <source>an embedded-sandbox profile has no gateway URL (the sandbox starts in-process); use environment 'production' or 'antom-sandbox' for a standalone gateway</source>
            <translation>内置沙箱配置没有网关 URL（沙箱在程序内启动）；独立网关请选择环境“正式环境”或“Antom 沙箱”</translation>
        </message>
        <message>
            <source>an operator name has 1 to {high} letters, digits, spaces, '.', '_' or '-'</source>
            <translation>操作员名称为 1 到 {high} 个字母、数字、空格、“.”、“_”或“-”</translation>
        </message>
        <message>
            <source>another cashier process (pid {pid}) is using profile '{profile}'; one till at a time takes its sales: no payment was taken</source>
            <translation>另一个收银进程（pid {pid}）正在使用配置“{profile}”；同一时间只有一个收银台可以收款：未收取任何款项</translation>
        </message>
        <message>
            <source>another cashier process is using profile '{profile}'; one till at a time takes its sales: no payment was taken</source>
            <translation>另一个收银进程正在使用配置“{profile}”；同一时间只有一个收银台可以收款：未收取任何款项</translation>
        </message>
        <message>
            <source>approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>autopay must be an AutoPayPolicy, not {name}</source>
            <translation>autopay 必须是 AutoPayPolicy，而不是 {name}</translation>
        </message>
        <message>
            <source>bad header line {text!r}</source>
            <translation>无效的请求头行 {text!r}</translation>
        </message>
        <message>
            <source>bad_state {bad_state!r} must be 'raise' or 'move_aside'</source>
            <translation>bad_state {bad_state!r} 必须是 'raise' 或 'move_aside'</translation>
        </message>
        <message>
            <source>cancel of payment {payment} is not confirmed: {problem}</source>
            <translation>支付 {payment} 的取消未获确认：{problem}</translation>
        </message>
        <message>
            <source>cancel window (00:15 UTC+8 on T+1) has passed; refund instead</source>
            <translation>取消期限（T+1 日 00:15 UTC+8）已过；请改为退款</translation>
        </message>
        <message>
            <source>cancel: answer is for paymentId {payment_id!r}, not {payment_id_2!r}</source>
            <translation>cancel：应答针对的是 paymentId {payment_id!r}，而不是 {payment_id_2!r}</translation>
        </message>
        <message>
            <source>cancel: answer is for paymentRequestId {payment_request_id!r}, not {prid!r}</source>
            <translation>cancel：应答针对的是 paymentRequestId {payment_request_id!r}，而不是 {prid!r}</translation>
        </message>
        <message>
            <source>cannot add an event without a kind</source>
            <translation>不能添加没有类型的事件</translation>
        </message>
        <message>
            <source>cannot create the folder for journal {path}: {problem}</source>
            <translation>无法为交易日志 {path} 创建文件夹：{problem}</translation>
        </message>
        <message>
            <source>cannot fail payment {payment_id}: it is {status}</source>
            <translation>无法让支付 {payment_id} 失败：它是 {status}</translation>
        </message>
        <message>
            <source>cannot listen on {host}:{port}: {problem}</source>
            <translation>无法在 {host}:{port} 上监听：{problem}</translation>
        </message>
        <message>
            <source>cannot open journal {path}: WAL mode is not available on this file system (got {mode})</source>
            <translation>无法打开交易日志 {path}：此文件系统不支持 WAL 模式（得到 {mode}）</translation>
        </message>
        <message>
            <source>cannot open journal {path}: it is a SQLite database but not a cashier journal (tables: {tables})</source>
            <translation>无法打开交易日志 {path}：它是 SQLite 数据库，但不是收银台的交易日志（表：{tables}）</translation>
        </message>
        <message>
            <source>cannot open journal {path}: it is a folder, not a file</source>
            <translation>无法打开交易日志 {path}：它是文件夹，不是文件</translation>
        </message>
        <message>
            <source>cannot open journal {path}: the file is corrupt</source>
            <translation>无法打开交易日志 {path}：文件已损坏</translation>
        </message>
        <message>
            <source>cannot open the {connection} printer at {where}: {reason}</source>
            <translation>无法打开 {where} 的 {connection} 打印机：{reason}</translation>
        </message>
        <message>
            <source>cannot reach the store at {where}: {why}</source>
            <translation>无法连接门店服务器 {where}：{why}</translation>
        </message>
        <message>
            <source>cannot read key file {path}: {problem}</source>
            <translation>无法读取密钥文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>cannot read passphrase file {path}: {problem}</source>
            <translation>无法读取口令文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>cannot read {name}: {problem}</source>
            <translation>无法读取 {name}：{problem}</translation>
        </message>
        <message>
            <source>cannot read {what} from {source}: {problem}</source>
            <translation>无法从 {source} 读取 {what}：{problem}</translation>
        </message>
        <message>
            <source>cannot save key file {path}: {problem}; the previous version is intact</source>
            <translation>无法保存密钥文件 {path}：{problem}；之前的版本完好无损</translation>
        </message>
        <message>
            <source>cannot save profiles file {path}: {problem}</source>
            <translation>无法保存配置文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>cannot save {name}: {problem}</source>
            <translation>无法保存 {name}：{problem}</translation>
        </message>
        <message>
            <source>cannot serve on {host}: it is not an address of this computer (choose one of its network addresses, as `ip addr` or the Wi-Fi settings show)</source>
            <translation>无法在 {host} 上提供服务：它不是本机的地址（请选择本机的一个网络地址，可用 `ip addr` 或 Wi-Fi 设置查看）</translation>
        </message>
        <message>
            <source>cannot serve on {host}:{port}: the port is in use (choose another, or 0)</source>
            <translation>无法在 {host}:{port} 上提供服务：端口已被占用（请换一个，或填 0）</translation>
        </message>
        <message>
            <source>cannot serve on {host}:{port}: {problem}</source>
            <translation>无法在 {host}:{port} 上提供服务：{problem}</translation>
        </message>
        <message>
            <source>cannot start a PDF at {path}</source>
            <translation>无法在 {path} 创建 PDF</translation>
        </message>
        <message>
            <source>cannot start the services: {exc}</source>
            <translation>无法启动服务：{exc}</translation>
        </message>
        <message>
            <source>cannot subtract {other} from {currency}</source>
            <translation>不能从 {currency} 中减去 {other}</translation>
        </message>
        <message>
            <source>cannot take the till lock {path}: {problem}</source>
            <translation>无法获取收银台锁 {path}：{problem}</translation>
        </message>
        <message>
            <source>cannot update payment: payment_request_id never changes</source>
            <translation>无法更新支付：payment_request_id 永不改变</translation>
        </message>
        <message>
            <source>cannot update payment: unknown field(s) {bad}</source>
            <translation>无法更新支付：未知字段 {bad}</translation>
        </message>
        <message>
            <source>cannot update refund: its request ids never change</source>
            <translation>无法更新退款：其请求编号永不改变</translation>
        </message>
        <message>
            <source>cannot update refund: unknown field(s) {bad}</source>
            <translation>无法更新退款：未知字段 {bad}</translation>
        </message>
        <message>
            <source>cannot use the operators file {path}: it was written by a newer cashier</source>
            <translation>无法使用操作员文件 {path}：它由更新版本的收银台写入</translation>
        </message>
        <message>
            <source>cannot use the operators file {path}: {problem}</source>
            <translation>无法使用操作员文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>cannot write journal {path}: {why}; nothing can be recorded there (history can still read it)</source>
            <translation>无法写入交易日志 {path}：{why}；那里无法记录任何内容（交易记录仍可读取）</translation>
        </message>
        <message>
            <source>cannot write {target}: folder {parent} does not exist</source>
            <translation>无法写入 {target}：文件夹 {parent} 不存在</translation>
        </message>
        <message>
            <source>cannot write {target}: it is a folder</source>
            <translation>无法写入 {target}：它是文件夹</translation>
        </message>
        <message>
            <source>cannot write {target}: {problem}</source>
            <translation>无法写入 {target}：{problem}</translation>
        </message>
        <message>
            <source>cannot {action} journal {path} ({detail})</source>
            <translation>无法{action}交易日志 {path}（{detail}）</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: disk I/O error</source>
            <translation>无法{action}交易日志 {path}：磁盘读写错误</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: it is locked by another process (is another cashier running?)</source>
            <translation>无法{action}交易日志 {path}：它被另一个进程锁定（是否有另一个收银台正在运行？）</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: permission denied</source>
            <translation>无法{action}交易日志 {path}：权限不足</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: the disk is full</source>
            <translation>无法{action}交易日志 {path}：磁盘已满</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: the file cannot be opened (missing folder or no permission)</source>
            <translation>无法{action}交易日志 {path}：文件无法打开（文件夹不存在或没有权限）</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: the file is corrupt</source>
            <translation>无法{action}交易日志 {path}：文件已损坏</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: the file is not a cashier journal (not a SQLite database)</source>
            <translation>无法{action}交易日志 {path}：该文件不是收银台的交易日志（不是 SQLite 数据库）</translation>
        </message>
        <message>
            <source>cannot {action} journal {path}: the file or its folder is read-only</source>
            <translation>无法{action}交易日志 {path}：文件或其所在文件夹是只读的</translation>
        </message>
        <message>
            <source>cannot {action} payment {payment_id}: it is already FAIL ({result_code})</source>
            <translation>无法{action}支付 {payment_id}：它已是 FAIL（{result_code}）</translation>
        </message>
        <message>
            <source>cannot {action} payment {payment_id}: it is already FAIL ({result_code}): it expired at {expires}</source>
            <translation>无法{action}支付 {payment_id}：它已是 FAIL（{result_code}），已于 {expires} 过期</translation>
        </message>
        <message>
            <source>cannot {action} payment {payment_id}: it is already {status}</source>
            <translation>无法{action}支付 {payment_id}：它已是 {status}</translation>
        </message>
        <message>
            <source>cannot {what}: {exc}</source>
            <translation>无法{what}：{exc}</translation>
        </message>
        <message>
            <source>cannot {what}: {exc}; profile {profile} is not saved here: pass --gateway, --client-id, --private-key and --gateway-public-key</source>
            <translation>无法{what}：{exc}；配置 {profile} 未保存在本机：请提供 --gateway、--client-id、--private-key 和 --gateway-public-key</translation>
        </message>
        <message>
            <source>caption is missing (what the audience reads)</source>
            <translation>缺少 caption（观众看到的说明）</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>更改</translation>
        </message>
        <message>
            <source>client id is empty</source>
            <translation>客户端 ID 为空</translation>
        </message>
        <message>
            <source>client id is missing: copy it from the Antom Dashboard</source>
            <translation>缺少客户端 ID：请从 Antom 控制台复制</translation>
        </message>
        <message>
            <source>client id must be 1 to 64 characters</source>
            <translation>客户端 ID 必须为 1 到 64 个字符</translation>
        </message>
        <message>
            <source>client id {client_id!r} contains whitespace or control characters</source>
            <translation>客户端 ID {client_id!r} 包含空白或控制字符</translation>
        </message>
        <message>
            <source>client id {client_id!r} must be ASCII without spaces</source>
            <translation>客户端 ID {client_id!r} 必须是不含空格的 ASCII 字符</translation>
        </message>
        <message>
            <source>client id {client_id} is an Antom sandbox id; use environment 'antom-sandbox' for it</source>
            <translation>客户端 ID {client_id} 是 Antom 沙箱 ID；请为它选择环境“Antom 沙箱”</translation>
        </message>
        <message>
            <source>client id {client_id} is invalid: at most 64 letters, digits, '_', '-' or '.' (no spaces)</source>
            <translation>客户端 ID {client_id} 无效：最多 64 个字母、数字、“_”、“-”或“.”（不含空格）</translation>
        </message>
        <message>
            <source>client id {client_id} is not an Antom sandbox id (those start with 'SANDBOX_'); use environment 'production' for a live id</source>
            <translation>客户端 ID {client_id} 不是 Antom 沙箱 ID（沙箱 ID 以“SANDBOX_”开头）；正式 ID 请选择环境“正式环境”</translation>
        </message>
        <message>
            <source>confirmSeconds: {confirm_seconds!r} must be a number from 0 to {max_confirm_seconds}</source>
            <translation>confirmSeconds：{confirm_seconds!r} 必须是 0 到 {max_confirm_seconds} 之间的数字</translation>
        </message>
        <message>
            <source>currency is missing</source>
            <translation>缺少币种</translation>
        </message>
        <message>
            <source>currency {currency} is not a three-letter ISO 4217 code</source>
            <translation>币种 {currency} 不是三位字母的 ISO 4217 代码</translation>
        </message>
        <message>
            <source>currency {currency} is not supported (supported: {supported})</source>
            <translation>不支持币种 {currency}（支持：{supported}）</translation>
        </message>
        <message>
            <source>decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>default_expiry_seconds must be greater than zero</source>
            <translation>default_expiry_seconds 必须大于零</translation>
        </message>
        <message>
            <source>deleting keys cannot be undone: repeat with --yes</source>
            <translation>删除密钥无法撤销：请加 --yes 再执行一次</translation>
        </message>
        <message>
            <source>dialect {value!r} is not one of: {dialects}</source>
            <translation>协议方言 {value!r} 不是以下之一：{dialects}</translation>
        </message>
        <message>
            <source>disk I/O error</source>
            <translation>磁盘读写错误</translation>
        </message>
        <message>
            <source>envelope has no signature</source>
            <translation>报文没有签名</translation>
        </message>
        <message>
            <source>envelope has no {kind!r} member</source>
            <translation>报文没有 {kind!r} 成员</translation>
        </message>
        <message>
            <source>envelope has text after the JSON object</source>
            <translation>报文在 JSON 对象之后还有文本</translation>
        </message>
        <message>
            <source>envelope has the member {name!r} twice</source>
            <translation>报文中成员 {name!r} 出现了两次</translation>
        </message>
        <message>
            <source>envelope is not UTF-8</source>
            <translation>报文不是 UTF-8 编码</translation>
        </message>
        <message>
            <source>envelope is not a JSON object</source>
            <translation>报文不是 JSON 对象</translation>
        </message>
        <message>
            <source>envelope is not valid JSON</source>
            <translation>报文不是有效的 JSON</translation>
        </message>
        <message>
            <source>environment {environment} is not one of {choices}</source>
            <translation>环境 {environment} 不是以下之一：{choices}</translation>
        </message>
        <message>
            <source>event detail for {payment_request_id} is not JSON: {exc}</source>
            <translation>{payment_request_id} 的事件详情不是 JSON：{exc}</translation>
        </message>
        <message>
            <source>expected a datetime, got {name}</source>
            <translation>应为 datetime，得到的是 {name}</translation>
        </message>
        <message>
            <source>expire</source>
            <translation>使过期</translation>
        </message>
        <message>
            <source>fault 'after' must be true or false</source>
            <translation>故障的 'after' 必须是 true 或 false</translation>
        </message>
        <message>
            <source>fault 'api' {api!r} is not one of: {apis}</source>
            <translation>故障的 'api' {api!r} 不是以下之一：{apis}</translation>
        </message>
        <message>
            <source>fault 'clock_skew' needs 'seconds' from -{max_skew_seconds} to {max_skew_seconds}, not 0</source>
            <translation>故障 'clock_skew' 需要 -{max_skew_seconds} 到 {max_skew_seconds} 之间且不为 0 的 'seconds'</translation>
        </message>
        <message>
            <source>fault 'count' must be a whole number &gt;= 1 (or use persistent)</source>
            <translation>故障的 'count' 必须是大于等于 1 的整数（或使用 persistent）</translation>
        </message>
        <message>
            <source>fault 'mode' must be one of: {signature_modes}</source>
            <translation>故障的 'mode' 必须是以下之一：{signature_modes}</translation>
        </message>
        <message>
            <source>fault 'seconds' must be a number from 0 to {max_seconds}</source>
            <translation>故障的 'seconds' 必须是 0 到 {max_seconds} 之间的数字</translation>
        </message>
        <message>
            <source>fault 'status' must be one of {http_error_statuses}</source>
            <translation>故障的 'status' 必须是 {http_error_statuses} 之一</translation>
        </message>
        <message>
            <source>fault kind {kind!r} is not one of: {kinds}</source>
            <translation>故障类型 {kind!r} 不是以下之一：{kinds}</translation>
        </message>
        <message>
            <source>fault {kind!r} needs 'seconds' &gt; 0</source>
            <translation>故障 {kind!r} 需要大于 0 的 'seconds'</translation>
        </message>
        <message>
            <source>follow the store</source>
            <translation>跟随门店</translation>
        </message>
        <message>
            <source>format version {version} is not supported (this app reads version {supported})</source>
            <translation>不支持格式版本 {version}（本应用读取版本 {supported}）</translation>
        </message>
        <message>
            <source>format {fmt!r} is not base64 or pem</source>
            <translation>格式 {fmt!r} 不是 base64 或 pem</translation>
        </message>
        <message>
            <source>gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>gateway URL</source>
            <translation>网关 URL</translation>
        </message>
        <message>
            <source>gateway URL is empty</source>
            <translation>网关 URL 为空</translation>
        </message>
        <message>
            <source>gateway URL is missing (a preset: {presets}; or an https:// URL)</source>
            <translation>缺少网关 URL（预设：{presets}；或一个 https:// URL）</translation>
        </message>
        <message>
            <source>gateway URL {url!r} has no host</source>
            <translation>网关 URL {url!r} 没有主机名</translation>
        </message>
        <message>
            <source>gateway URL {url!r} must not have a query or fragment</source>
            <translation>网关 URL {url!r} 不能带查询参数或片段</translation>
        </message>
        <message>
            <source>gateway URL {url!r} must start with https:// (or http:// for a loopback sandbox)</source>
            <translation>网关 URL {url!r} 必须以 https:// 开头（回环地址上的沙箱可用 http://）</translation>
        </message>
        <message>
            <source>gateway URL {url!r} uses plain http on a non-loopback host; use https:// (http is allowed only for 127.0.0.1, ::1, localhost)</source>
            <translation>网关 URL {url!r} 在非回环主机上使用了普通 http；请使用 https://（http 只允许用于 127.0.0.1、::1、localhost）</translation>
        </message>
        <message>
            <source>gateway public key</source>
            <translation>网关公钥</translation>
        </message>
        <message>
            <source>give --profile NAME, or --client-id ID and --gateway-public-key FILE</source>
            <translation>请提供 --profile NAME，或 --client-id ID 和 --gateway-public-key FILE</translation>
        </message>
        <message>
            <source>give either --payment-code or --simulate (which draws a code from the sandbox), not both</source>
            <translation>请提供 --payment-code 或 --simulate（从沙箱获取付款码）其中之一，不要同时提供</translation>
        </message>
        <message>
            <source>given without a scenario</source>
            <translation>给出了参数，但没有场景</translation>
        </message>
        <message>
            <source>head.clientId is empty</source>
            <translation>head.clientId 为空</translation>
        </message>
        <message>
            <source>head.version {version!r} is not {version_2}</source>
            <translation>head.version {version!r} 不是 {version_2}</translation>
        </message>
        <message>
            <source>head.{name} is missing</source>
            <translation>缺少 head.{name}</translation>
        </message>
        <message>
            <source>host {host!r} is not a loopback address; the sandbox's control endpoints are unauthenticated (allow_remote=True to override)</source>
            <translation>主机 {host!r} 不是回环地址；沙箱的控制接口没有身份验证（可用 allow_remote=True 强制）</translation>
        </message>
        <message>
            <source>in-store payments need the profile's store details (merchant and store ids, MCCs, terminal id): {exc}</source>
            <translation>店内支付需要配置中的门店信息（商户和门店编号、MCC、终端编号）：{exc}</translation>
        </message>
        <message>
            <source>in-store scenario {scenario!r} is not one of {in_store_scenarios}</source>
            <translation>店内场景 {scenario!r} 不是 {in_store_scenarios} 之一</translation>
        </message>
        <message>
            <source>inStorePaymentScenario {scenario!r} is not one of {scenarios}</source>
            <translation>inStorePaymentScenario {scenario!r} 不是 {scenarios} 之一</translation>
        </message>
        <message>
            <source>inquiryPayment: amount {payment_amount} differs from {amount}</source>
            <translation>inquiryPayment：金额 {payment_amount} 与 {amount} 不一致</translation>
        </message>
        <message>
            <source>inquiryPayment: answer is for paymentId {payment_id!r}, not {payment_id_2!r}</source>
            <translation>inquiryPayment：应答针对的是 paymentId {payment_id!r}，而不是 {payment_id_2!r}</translation>
        </message>
        <message>
            <source>inquiryPayment: answer is for paymentRequestId {payment_request_id!r}</source>
            <translation>inquiryPayment：应答针对的是 paymentRequestId {payment_request_id!r}</translation>
        </message>
        <message>
            <source>inquiryPayment: unknown paymentStatus {payment_status!r}</source>
            <translation>inquiryPayment：未知的 paymentStatus {payment_status!r}</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a ',' is expected there; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（此处应有“,”；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a ':' is expected there; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（此处应有“:”；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a \uXXXX escape that is not four hex digits)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（\uXXXX 转义不是四位十六进制数字）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a backslash escape that JSON does not have)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（JSON 中没有这种反斜杠转义）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a comma before the closing bracket)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（右括号前多了一个逗号）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a control character inside a text value)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（文本值中含有控制字符）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a name in double quotes is expected there; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（此处应有一个带双引号的名称；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a text value starts there and never ends; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（文本值从此处开始却没有结束；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (a value is expected there; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（此处应有一个值；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} (more text after the end of the document)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（文档结束后还有多余的文本）</translation>
        </message>
        <message>
            <source>invalid JSON at line {line} column {column} ({detail}; a half-written save?)</source>
            <translation>第 {line} 行第 {column} 列的 JSON 无效（{detail}；是否只保存了一半？）</translation>
        </message>
        <message>
            <source>is for an in-store sale (product = "in-store")</source>
            <translation>只用于店内交易（product = "in-store"）</translation>
        </message>
        <message>
            <source>is longer than 256 characters</source>
            <translation>超过 256 个字符</translation>
        </message>
        <message>
            <source>it already exists</source>
            <translation>它已存在</translation>
        </message>
        <message>
            <source>it cannot be read ({problem})</source>
            <translation>无法读取（{problem}）</translation>
        </message>
        <message>
            <source>it is a folder, not a file</source>
            <translation>它是文件夹，不是文件</translation>
        </message>
        <message>
            <source>it is empty (a half-written save?)</source>
            <translation>文件为空（是否只保存了一半？）</translation>
        </message>
        <message>
            <source>it is far larger than a key file can be</source>
            <translation>文件远大于密钥文件应有的大小</translation>
        </message>
        <message>
            <source>it is in use</source>
            <translation>它正在使用中</translation>
        </message>
        <message>
            <source>it is not UTF-8 text</source>
            <translation>不是 UTF-8 文本</translation>
        </message>
        <message>
            <source>it is not a {format} document</source>
            <translation>不是 {format} 文档</translation>
        </message>
        <message>
            <source>it is not a {format} file</source>
            <translation>它不是 {format} 文件</translation>
        </message>
        <message>
            <source>it is not valid JSON (half-written or overwritten?)</source>
            <translation>它不是有效的 JSON（是否只写了一半或被覆盖？）</translation>
        </message>
        <message>
            <source>its cipher parameters are not supported</source>
            <translation>不支持其加密参数</translation>
        </message>
        <message>
            <source>its decrypted content is not a table of entries</source>
            <translation>解密后的内容不是条目表</translation>
        </message>
        <message>
            <source>its decrypted content is not valid</source>
            <translation>解密后的内容无效</translation>
        </message>
        <message>
            <source>its file system is mounted read-only</source>
            <translation>其文件系统以只读方式挂载</translation>
        </message>
        <message>
            <source>its folder is read-only</source>
            <translation>其所在文件夹是只读的</translation>
        </message>
        <message>
            <source>its format version {version} is not supported</source>
            <translation>不支持其格式版本 {version}</translation>
        </message>
        <message>
            <source>its key derivation parameters are not supported</source>
            <translation>不支持其密钥派生参数</translation>
        </message>
        <message>
            <source>its scrypt parameter n={n} is out of range</source>
            <translation>其 scrypt 参数 n={n} 超出范围</translation>
        </message>
        <message>
            <source>journal unusable, cannot {what}: {exc}</source>
            <translation>交易日志不可用，无法{what}：{exc}</translation>
        </message>
        <message>
            <source>journal unusable, no payment taken: {exc}</source>
            <translation>交易日志不可用，未收款：{exc}</translation>
        </message>
        <message>
            <source>journal unusable, no refund sent: {exc}</source>
            <translation>交易日志不可用，未发送退款：{exc}</translation>
        </message>
        <message>
            <source>journal {path} is closed</source>
            <translation>交易日志 {path} 已关闭</translation>
        </message>
        <message>
            <source>journal {path} was written by a newer cashier (schema {version} &gt; {supported})</source>
            <translation>交易日志 {path} 由更新版本的收银台写入（结构版本 {version} &gt; {supported}）</translation>
        </message>
        <message>
            <source>journal {path} was written by a newer cashier (schema {version} &gt; {supported}); refusing to open</source>
            <translation>交易日志 {path} 由更新版本的收银台写入（结构版本 {version} &gt; {supported}）；拒绝打开</translation>
        </message>
        <message>
            <source>key base64 is damaged (truncated paste?)</source>
            <translation>密钥的 base64 已损坏（粘贴不完整？）</translation>
        </message>
        <message>
            <source>key file {path} is damaged: {problem}. It was left untouched; restore it from a backup or move it away to start an empty one</source>
            <translation>密钥文件 {path} 已损坏：{problem}。文件未被改动；请从备份恢复，或将其移走以新建一个空文件</translation>
        </message>
        <message>
            <source>key is binary, not PEM or base64 text</source>
            <translation>密钥是二进制数据，不是 PEM 或 base64 文本</translation>
        </message>
        <message>
            <source>key is empty</source>
            <translation>密钥为空</translation>
        </message>
        <message>
            <source>key is neither PEM nor base64 text (unexpected characters)</source>
            <translation>密钥既不是 PEM 也不是 base64 文本（含意外字符）</translation>
        </message>
        <message>
            <source>key must be text</source>
            <translation>密钥必须是文本</translation>
        </message>
        <message>
            <source>key passphrase</source>
            <translation>密钥口令</translation>
        </message>
        <message>
            <source>key store {chosen!r} is not one of auto, keyring, file</source>
            <translation>密钥存储 {chosen!r} 不是 auto、keyring、file 之一</translation>
        </message>
        <message>
            <source>key version {version} is invalid: a positive whole number such as 1 (the Antom Dashboard shows it next to the key)</source>
            <translation>密钥版本 {version} 无效：应为正整数，例如 1（Antom 控制台在密钥旁显示）</translation>
        </message>
        <message>
            <source>key version {version} is the active one of profile {name!r}: rotate first, or add --force</source>
            <translation>密钥版本 {version} 是配置 {name!r} 当前使用的版本：请先轮换，或加 --force</translation>
        </message>
        <message>
            <source>keyVersion {key_version!r} must be a number</source>
            <translation>keyVersion {key_version!r} 必须是数字</translation>
        </message>
        <message>
            <source>kind must be 'request' or 'response'</source>
            <translation>kind 必须是 'request' 或 'response'</translation>
        </message>
        <message>
            <source>language {lang!r} is not available (available: {languages})</source>
            <translation>语言 {lang!r} 不可用（可用：{languages}）</translation>
        </message>
        <message>
            <source>link the journal to a store in</source>
            <translation>将交易日志关联到门店：</translation>
        </message>
        <message>
            <source>mark pending</source>
            <translation>标记为处理中</translation>
        </message>
        <message>
            <source>mcc {mcc!r} must be 4 digits</source>
            <translation>mcc {mcc!r} 必须是 4 位数字</translation>
        </message>
        <message>
            <source>merchant</source>
            <translation>商户</translation>
        </message>
        <message>
            <source>merchant id must be 1-32 letters or digits</source>
            <translation>商户号必须是 1-32 个字母或数字</translation>
        </message>
        <message>
            <source>merchant name must be at most 128 printable characters</source>
            <translation>商户名称最多 128 个可打印字符</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>missing field(s) {missing}</source>
            <translation>缺少字段 {missing}</translation>
        </message>
        <message>
            <source>missing or wrong sandbox token (t=...)</source>
            <translation>沙箱令牌缺失或错误（t=...）</translation>
        </message>
        <message>
            <source>must be 1 to 200 characters</source>
            <translation>必须为 1 到 200 个字符</translation>
        </message>
        <message>
            <source>must be a [[step]] table</source>
            <translation>必须是 [[step]] 表</translation>
        </message>
        <message>
            <source>must be a number, not {value!r}</source>
            <translation>必须是数字，而不是 {value!r}</translation>
        </message>
        <message>
            <source>must be a table, e.g. params = {{ seconds = 2 }}</source>
            <translation>必须是表，例如 params = {{ seconds = 2 }}</translation>
        </message>
        <message>
            <source>must be a whole number from 0</source>
            <translation>必须是从 0 开始的整数</translation>
        </message>
        <message>
            <source>must be at most 200 characters</source>
            <translation>最多 200 个字符</translation>
        </message>
        <message>
            <source>must be text in quotes, not {value!r}</source>
            <translation>必须是带引号的文本，而不是 {value!r}</translation>
        </message>
        <message>
            <source>must be text such as "12.30", not {value!r}</source>
            <translation>必须是 "12.30" 这样的文本，而不是 {value!r}</translation>
        </message>
        <message>
            <source>must be the step number of a sale, e.g. sale = 1</source>
            <translation>必须是某个交易步骤的编号，例如 sale = 1</translation>
        </message>
        <message>
            <source>must be true or false, not {value!r}</source>
            <translation>必须是 true 或 false，而不是 {value!r}</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>no PIN for {name}</source>
            <translation>没有 {name} 的 PIN</translation>
        </message>
        <message>
            <source>no PIN for {name}: type it at a terminal, or set ${env}</source>
            <translation>没有 {name} 的 PIN：请在终端中输入，或设置 ${env}</translation>
        </message>
        <message>
            <source>no new PIN for {name}: type it at a terminal, or set ${new_pin_env}</source>
            <translation>没有 {name} 的新 PIN：请在终端中输入，或设置 ${new_pin_env}</translation>
        </message>
        <message>
            <source>no payment with paymentId {payment_id!r}</source>
            <translation>没有 paymentId 为 {payment_id!r} 的支付</translation>
        </message>
        <message>
            <source>no payment {payment_request_id!r} in the journal</source>
            <translation>交易日志中没有支付 {payment_request_id!r}</translation>
        </message>
        <message>
            <source>no profile named {name!r}</source>
            <translation>没有名为 {name!r} 的配置</translation>
        </message>
        <message>
            <source>no profile named {name!r} (profiles: {profiles})</source>
            <translation>没有名为 {name!r} 的配置（现有配置：{profiles}）</translation>
        </message>
        <message>
            <source>no receipt printer is set for this till</source>
            <translation>此收银台未设置小票打印机</translation>
        </message>
        <message>
            <source>no refund with refundId {refund_id!r}</source>
            <translation>没有 refundId 为 {refund_id!r} 的退款</translation>
        </message>
        <message>
            <source>no refund {refund_request_id!r} in the journal</source>
            <translation>交易日志中没有退款 {refund_request_id!r}</translation>
        </message>
        <message>
            <source>no sale before it is expected to be paid</source>
            <translation>它之前没有预期会支付成功的交易</translation>
        </message>
        <message>
            <source>no sandbox route {path}</source>
            <translation>沙箱没有路由 {path}</translation>
        </message>
        <message>
            <source>no scenario {name!r}; the scenarios are: {catalog}</source>
            <translation>没有场景 {name!r}；现有场景：{catalog}</translation>
        </message>
        <message>
            <source>no scenario {name!r}; the scenarios are: {scenario_names}</source>
            <translation>没有场景 {name!r}；现有场景：{scenario_names}</translation>
        </message>
        <message>
            <source>no secure key store for profile {name!r}: {reason}</source>
            <translation>配置 {name!r} 没有安全的密钥存储：{reason}</translation>
        </message>
        <message>
            <source>no secure key store for the store server's password: {reason}</source>
            <translation>门店服务器的密码没有安全的密钥存储：{reason}</translation>
        </message>
        <message>
            <source>no store details</source>
            <translation>没有门店信息</translation>
        </message>
        <message>
            <source>no such file or folder</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <source>no usable OS keyring ({why})</source>
            <translation>没有可用的系统密钥环（{why}）</translation>
        </message>
        <message>
            <source>no usable backup {backup_path}: {problem}</source>
            <translation>没有可用的备份 {backup_path}：{problem}</translation>
        </message>
        <message>
            <source>no wallet enabled: enable at least one paymentMethodType</source>
            <translation>未启用任何钱包：请至少启用一种钱包</translation>
        </message>
        <message>
            <source>no {what} was given ({standard_input} is empty)</source>
            <translation>未提供 {what}（{standard_input} 为空）</translation>
        </message>
        <message>
            <source>none of the enabled wallets ({wallets}) accepts {currency}; enable a wallet for {currency} or change the currency</source>
            <translation>已启用的钱包（{wallets}）都不支持 {currency}；请启用支持 {currency} 的钱包或更换币种</translation>
        </message>
        <message>
            <source>not a field of a {do} step (its fields: {step_keys})</source>
            <translation>不是 {do} 步骤的字段（其字段：{step_keys}）</translation>
        </message>
        <message>
            <source>not recorded (the store database): {exc}</source>
            <translation>未记录（门店数据库）：{exc}</translation>
        </message>
        <message>
            <source>notification amount is unusable: {exc}</source>
            <translation>通知中的金额不可用：{exc}</translation>
        </message>
        <message>
            <source>notification amount {amount} differs from the journaled {amount_2}</source>
            <translation>通知金额 {amount} 与交易日志中的 {amount_2} 不一致</translation>
        </message>
        <message>
            <source>notification body is not UTF-8 JSON</source>
            <translation>通知正文不是 UTF-8 JSON</translation>
        </message>
        <message>
            <source>notification body is not a JSON object</source>
            <translation>通知正文不是 JSON 对象</translation>
        </message>
        <message>
            <source>notification for an unknown payment (paymentRequestId {prid!r}, paymentId {pid!r})</source>
            <translation>通知针对的是未知支付（paymentRequestId {prid!r}，paymentId {pid!r}）</translation>
        </message>
        <message>
            <source>notification has no {name} header</source>
            <translation>通知没有 {name} 请求头</translation>
        </message>
        <message>
            <source>notification is for client-id {client_id!r}, not {expected_client_id!r}</source>
            <translation>通知针对的是 client-id {client_id!r}，而不是 {expected_client_id!r}</translation>
        </message>
        <message>
            <source>notification path {path!r} is not absolute</source>
            <translation>通知路径 {path!r} 不是绝对路径</translation>
        </message>
        <message>
            <source>notification paymentId {pid!r} differs from the journaled {payment_id!r}</source>
            <translation>通知的 paymentId {pid!r} 与交易日志中的 {payment_id!r} 不一致</translation>
        </message>
        <message>
            <source>notification paymentRequestId {prid!r} differs from the journaled {payment_request_id!r}</source>
            <translation>通知的 paymentRequestId {prid!r} 与交易日志中的 {payment_request_id!r} 不一致</translation>
        </message>
        <message>
            <source>notification request-time {sent} is {age} s old, more than the {notification_tolerance} s accepted (a replay?)</source>
            <translation>通知的 request-time {sent} 已过去 {age} 秒，超过可接受的 {notification_tolerance} 秒（重放？）</translation>
        </message>
        <message>
            <source>notification sent {age} s ago, more than {tolerance} s: a replay, not recorded</source>
            <translation>通知发送于 {age} 秒前，超过 {tolerance} 秒：视为重放，未记录</translation>
        </message>
        <message>
            <source>notification to an unknown path {path!r}</source>
            <translation>通知发往未知路径 {path!r}</translation>
        </message>
        <message>
            <source>notification: {exc}</source>
            <translation>通知：{exc}</translation>
        </message>
        <message>
            <source>notify URL</source>
            <translation>通知 URL</translation>
        </message>
        <message>
            <source>notify URL is missing</source>
            <translation>缺少通知 URL</translation>
        </message>
        <message>
            <source>notifyRefund amount is unusable: {exc}</source>
            <translation>notifyRefund 金额不可用：{exc}</translation>
        </message>
        <message>
            <source>notifyRefund amount {amount} differs from the journaled {amount_2}</source>
            <translation>notifyRefund 金额 {amount} 与交易日志中的 {amount_2} 不一致</translation>
        </message>
        <message>
            <source>notifyRefund for an unknown refund (refundRequestId {rrid!r})</source>
            <translation>notifyRefund 针对的是未知退款（refundRequestId {rrid!r}）</translation>
        </message>
        <message>
            <source>notifyRefund refundId {refund_id!r} differs from the journaled {refund_id_2!r}</source>
            <translation>notifyRefund 的 refundId {refund_id!r} 与交易日志中的 {refund_id_2!r} 不一致</translation>
        </message>
        <message>
            <source>notifyRefund refundStatus {refund_status!r} is not SUCCESS or FAIL</source>
            <translation>notifyRefund 的 refundStatus {refund_status!r} 不是 SUCCESS 或 FAIL</translation>
        </message>
        <message>
            <source>notifyType {notify_type!r} is not a payment result ({notify_types})</source>
            <translation>notifyType {notify_type!r} 不是支付结果（{notify_types}）</translation>
        </message>
        <message>
            <source>notify_compression {notify_compression!r} must be greater than zero</source>
            <translation>notify_compression {notify_compression!r} 必须大于零</translation>
        </message>
        <message>
            <source>notify_url must be a string or null</source>
            <translation>notify_url 必须是字符串或 null</translation>
        </message>
        <message>
            <source>only a paid payment can be refunded; this one is {status}</source>
            <translation>只有已支付的支付可以退款；该支付为 {status}</translation>
        </message>
        <message>
            <source>open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>operators are set up here: a manager must run this (--operator NAME)</source>
            <translation>本机已设置操作员：必须由经理运行（--operator NAME）</translation>
        </message>
        <message>
            <source>operators are set up here: name yourself with --operator NAME</source>
            <translation>本机已设置操作员：请用 --operator NAME 表明身份</translation>
        </message>
        <message>
            <source>orderAmount must be Money</source>
            <translation>orderAmount 必须是 Money</translation>
        </message>
        <message>
            <source>orderDescription is longer than {max_description_length} chars</source>
            <translation>orderDescription 超过 {max_description_length} 个字符</translation>
        </message>
        <message>
            <source>orderDescription must be 1-256 characters</source>
            <translation>orderDescription 必须为 1 到 256 个字符</translation>
        </message>
        <message>
            <source>orderTitle and orderDetail are at most 256 characters</source>
            <translation>orderTitle 和 orderDetail 最多 256 个字符</translation>
        </message>
        <message>
            <source>paper must be one of {papers}, not {paper!r}</source>
            <translation>纸张必须是 {papers} 之一，而不是 {paper!r}</translation>
        </message>
        <message>
            <source>parameter {name} is given twice</source>
            <translation>参数 {name} 给出了两次</translation>
        </message>
        <message>
            <source>parameter {parameter}: {value!r} is not one of {c}</source>
            <translation>参数 {parameter}：{value!r} 不是 {c} 之一</translation>
        </message>
        <message>
            <source>parameter {parameter}: {value!r} must be a number</source>
            <translation>参数 {parameter}：{value!r} 必须是数字</translation>
        </message>
        <message>
            <source>parameter {parameter}: {value!r} must be a whole number</source>
            <translation>参数 {parameter}：{value!r} 必须是整数</translation>
        </message>
        <message>
            <source>parameter {parameter}: {value!r} must be from {low} to {high}</source>
            <translation>参数 {parameter}：{value!r} 必须在 {low} 到 {high} 之间</translation>
        </message>
        <message>
            <source>parameter {parameter}: {value!r} must be true or false</source>
            <translation>参数 {parameter}：{value!r} 必须是 true 或 false</translation>
        </message>
        <message>
            <source>passphrase file {path} is empty</source>
            <translation>口令文件 {path} 为空</translation>
        </message>
        <message>
            <source>pay: answer amount {payment_amount} differs from {amount}</source>
            <translation>pay：应答金额 {payment_amount} 与 {amount} 不一致</translation>
        </message>
        <message>
            <source>pay: answer is for paymentRequestId {payment_request_id!r}</source>
            <translation>pay：应答针对的是 paymentRequestId {payment_request_id!r}</translation>
        </message>
        <message>
            <source>payment has refunds; it cannot be cancelled</source>
            <translation>该支付已有退款，不能取消</translation>
        </message>
        <message>
            <source>payment is closed ({result_code})</source>
            <translation>支付已关闭（{result_code}）</translation>
        </message>
        <message>
            <source>payment is {status} ({result_code}); only a paid payment can be refunded</source>
            <translation>支付为 {status}（{result_code}）；只有已支付的支付可以退款</translation>
        </message>
        <message>
            <source>payment {payment_request_id} has no refund {refund_request_id!r}</source>
            <translation>支付 {payment_request_id} 没有退款 {refund_request_id!r}</translation>
        </message>
        <message>
            <source>payment {payment_request_id} is already fully refunded</source>
            <translation>支付 {payment_request_id} 已全额退款</translation>
        </message>
        <message>
            <source>payment {payment_request_id} is already in the journal</source>
            <translation>支付 {payment_request_id} 已在交易日志中</translation>
        </message>
        <message>
            <source>payment {payment_request_id} is not in the journal</source>
            <translation>支付 {payment_request_id} 不在交易日志中</translation>
        </message>
        <message>
            <source>payment {payment_request_id} is {value}; only a successful payment can be refunded</source>
            <translation>支付 {payment_request_id} 的状态为 {value}；只有成功的支付才能退款</translation>
        </message>
        <message>
            <source>payment {payment_request_id} was taken by client id {client_id}, not {given}</source>
            <translation>支付 {payment_request_id} 由客户端 ID {client_id} 收取，而不是 {given}</translation>
        </message>
        <message>
            <source>payment {payment} has no gateway paymentId</source>
            <translation>支付 {payment} 没有网关支付单号</translation>
        </message>
        <message>
            <source>payment {payment} is already fully refunded</source>
            <translation>支付 {payment} 已全额退款</translation>
        </message>
        <message>
            <source>payment {payment} is {status}; only a successful payment can be refunded</source>
            <translation>支付 {payment} 的状态是 {status}；只有成功的支付才能退款</translation>
        </message>
        <message>
            <source>payment {payment} of till {till} is not at the store (yet): refund it at till {till}</source>
            <translation>收银台 {till} 的支付 {payment} 尚未同步到门店服务器：请在收银台 {till} 退款</translation>
        </message>
        <message>
            <source>payment {payment} was taken with merchant profile {profile}, not this till's {here}: refund it at till {till}</source>
            <translation>支付 {payment} 使用的是商户配置 {profile}，不是本收银台的 {here}：请在收银台 {till} 退款</translation>
        </message>
        <message>
            <source>paymentMethodType: {method_type!r} is not a sandbox wallet</source>
            <translation>paymentMethodType：{method_type!r} 不是沙箱钱包</translation>
        </message>
        <message>
            <source>paymentMethodType: {type} has no payment code (pick the customer's own wallet)</source>
            <translation>paymentMethodType：{type} 没有付款码（请选择顾客自己的钱包）</translation>
        </message>
        <message>
            <source>paymentRequestId {payment_request_id} exists</source>
            <translation>paymentRequestId {payment_request_id} 已存在</translation>
        </message>
        <message>
            <source>payments with Indonesian wallets cannot be cancelled once paid; refund instead</source>
            <translation>印度尼西亚钱包的支付一经付款便不能取消；请改为退款</translation>
        </message>
        <message>
            <source>pend_seconds: only with approve or decline, not {action!r}</source>
            <translation>pend_seconds：只能与 approve 或 decline 一起使用，不能与 {action!r}</translation>
        </message>
        <message>
            <source>pend_seconds: {pend!r} must be a number of seconds from 0 to {max_delay}</source>
            <translation>pend_seconds：{pend!r} 必须是 0 到 {max_delay} 之间的秒数</translation>
        </message>
        <message>
            <source>pending: {pending!r} must be true or false</source>
            <translation>pending：{pending!r} 必须是 true 或 false</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>权限不足</translation>
        </message>
        <message>
            <source>port {port!r} must be a number from 0 to 65535</source>
            <translation>端口 {port!r} 必须是 0 到 65535 之间的数字</translation>
        </message>
        <message>
            <source>printer {field}: is needed for a {connection} printer</source>
            <translation>打印机 {field}：{connection} 打印机需要此项</translation>
        </message>
        <message>
            <source>printer {field}: is not a printer setting</source>
            <translation>打印机 {field}：不是打印机设置项</translation>
        </message>
        <message>
            <source>printer {field}: {path} cannot be read: {problem}</source>
            <translation>打印机 {field}：无法读取 {path}：{problem}</translation>
        </message>
        <message>
            <source>printer {field}: {path} is not a JSON object</source>
            <translation>打印机 {field}：{path} 不是 JSON 对象</translation>
        </message>
        <message>
            <source>printer {field}: {value!r} is not a number</source>
            <translation>打印机 {field}：{value!r} 不是数字</translation>
        </message>
        <message>
            <source>printer {field}: {value!r} is not a number from 0 to {top}</source>
            <translation>打印机 {field}：{value!r} 不是 0 到 {top} 之间的数字</translation>
        </message>
        <message>
            <source>printer {field}: {value!r} is not one of {choices}</source>
            <translation>打印机 {field}：{value!r} 不是 {choices} 之一</translation>
        </message>
        <message>
            <source>printer {field}: {value!r} mm paper is not supported (58 or 80)</source>
            <translation>打印机 {field}：不支持 {value!r} 毫米纸张（58 或 80）</translation>
        </message>
        <message>
            <source>private key</source>
            <translation>私钥</translation>
        </message>
        <message>
            <source>private key data is damaged or truncated</source>
            <translation>私钥数据已损坏或不完整</translation>
        </message>
        <message>
            <source>private key is encrypted: a passphrase is needed</source>
            <translation>私钥已加密：需要口令</translation>
        </message>
        <message>
            <source>private key is {name}, not RSA</source>
            <translation>私钥是 {name}，不是 RSA</translation>
        </message>
        <message>
            <source>private key passphrase problem: {exc}</source>
            <translation>私钥口令有问题：{exc}</translation>
        </message>
        <message>
            <source>profile 'sandbox' is the embedded sandbox; give a real account another name</source>
            <translation>配置 'sandbox' 是内置沙箱；请为真实账户另起名称</translation>
        </message>
        <message>
            <source>profile 'sandbox' must stay the embedded sandbox</source>
            <translation>配置“sandbox”必须保持为内置沙箱</translation>
        </message>
        <message>
            <source>profile name {name} is invalid: use 1-40 letters, digits, '_', '-' or '.', starting with a letter or digit</source>
            <translation>配置名称 {name} 无效：请使用 1-40 个字母、数字、“_”、“-”或“.”，并以字母或数字开头</translation>
        </message>
        <message>
            <source>profile {key} has name {name}</source>
            <translation>配置 {key} 的名称却是 {name}</translation>
        </message>
        <message>
            <source>profile {key}: {problem}</source>
            <translation>配置 {key}：{problem}</translation>
        </message>
        <message>
            <source>profile {name!r} already exists (use the replace option to update it)</source>
            <translation>配置 {name!r} 已存在（要更新请使用替换选项）</translation>
        </message>
        <message>
            <source>profile {name!r} already has a key version {version}; delete it first, rotate, or replace it explicitly</source>
            <translation>配置 {name!r} 已有密钥版本 {version}；请先删除、轮换，或明确替换</translation>
        </message>
        <message>
            <source>profile {name!r} has no gateway public key: add it with 'cashier keys import-gateway-key --profile {name} --from-file FILE'</source>
            <translation>配置 {name!r} 没有网关公钥：请用 'cashier keys import-gateway-key --profile {name} --from-file FILE' 添加</translation>
        </message>
        <message>
            <source>profile {name!r} has no key version {version}</source>
            <translation>配置 {name!r} 没有密钥版本 {version}</translation>
        </message>
        <message>
            <source>profile {name!r} has no merchant private key version {version}: add one with 'cashier keys generate --profile {name}' or 'cashier keys import --profile {name} --from-file FILE'</source>
            <translation>配置 {name!r} 没有商户私钥版本 {version}：请用 'cashier keys generate --profile {name}' 或 'cashier keys import --profile {name} --from-file FILE' 添加</translation>
        </message>
        <message>
            <source>profile {name!r} is not the embedded sandbox</source>
            <translation>配置 {name!r} 不是内置沙箱</translation>
        </message>
        <message>
            <source>profile {name!r} is the embedded sandbox: its keys are generated in memory at every start and registered with the sandbox automatically, so there is nothing to manage; create a profile with 'cashier profile create' for a real account</source>
            <translation>配置 {name!r} 是内置沙箱：其密钥在每次启动时于内存中生成并自动注册到沙箱，无需管理；真实账户请用 'cashier profile create' 创建配置</translation>
        </message>
        <message>
            <source>profile {name!r} still has keys (versions: {value}; gateway key: {yes}): add --delete-keys to delete them too (cannot be undone) or --keep-keys</source>
            <translation>配置 {name!r} 仍有密钥（版本：{value}；网关密钥：{yes}）：加 --delete-keys 一并删除（无法撤销），或加 --keep-keys</translation>
        </message>
        <message>
            <source>profile {name}: in-store payments use the antom dialect</source>
            <translation>配置 {name}：线下支付须使用 antom 接口</translation>
        </message>
        <message>
            <source>profile {name}: product {product} is not one of {choices}</source>
            <translation>配置 {name}：产品 {product} 不是以下之一：{choices}</translation>
        </message>
        <message>
            <source>profile {name}: the alipayhk dialect offers only ALIPAY_HK, not {wallets}</source>
            <translation>配置 {name}：alipayhk 接口只提供 ALIPAY_HK，不提供 {wallets}</translation>
        </message>
        <message>
            <source>profile {name}: the alipayhk dialect takes HKD only, not {currency}</source>
            <translation>配置 {name}：alipayhk 接口只收港币（HKD），不收 {currency}</translation>
        </message>
        <message>
            <source>profile {name}: {problem}</source>
            <translation>配置 {name}：{problem}</translation>
        </message>
        <message>
            <source>profiles file {path} is damaged: {problem}. It was left unchanged: fix or remove it</source>
            <translation>配置文件 {path} 已损坏：{problem}。文件保持原样：请修复或删除它</translation>
        </message>
        <message>
            <source>profiles file {path} is damaged: {problem}. It was left unchanged: fix or remove it; the previous good version is {backup}: restore it with 'cashier profile restore-backup'</source>
            <translation>配置文件 {path} 已损坏：{problem}。文件保持原样：请修复或删除它；上一个完好的版本是 {backup}：可用“cashier profile restore-backup”恢复</translation>
        </message>
        <message>
            <source>profiles file {path} is unreadable: {problem}. It was left unchanged: fix or remove it</source>
            <translation>配置文件 {path} 无法读取：{problem}。文件保持原样：请修复或删除它</translation>
        </message>
        <message>
            <source>profiles file {path} is unreadable: {problem}. It was left unchanged: fix or remove it; the previous good version is {backup}: restore it with 'cashier profile restore-backup'</source>
            <translation>配置文件 {path} 无法读取：{problem}。文件保持原样：请修复或删除它；上一个完好的版本是 {backup}：可用“cashier profile restore-backup”恢复</translation>
        </message>
        <message>
            <source>public key</source>
            <translation>公钥</translation>
        </message>
        <message>
            <source>public key data is damaged or truncated</source>
            <translation>公钥数据已损坏或不完整</translation>
        </message>
        <message>
            <source>public key is {name}, not RSA</source>
            <translation>公钥是 {name}，不是 RSA</translation>
        </message>
        <message>
            <source>read</source>
            <translation>读取</translation>
        </message>
        <message>
            <source>read from the outbox of</source>
            <translation>读取发件箱：</translation>
        </message>
        <message>
            <source>read_timeout must be positive and max_connections at least 1</source>
            <translation>read_timeout 必须为正数，max_connections 至少为 1</translation>
        </message>
        <message>
            <source>recover {count} payment(s) of profile {profile}</source>
            <translation>恢复配置 {profile} 的 {count} 笔支付</translation>
        </message>
        <message>
            <source>reference order id is longer than 64 characters</source>
            <translation>商户订单号超过 64 个字符</translation>
        </message>
        <message>
            <source>refund currency {currency} differs from the payment currency {payment_currency}</source>
            <translation>退款币种 {currency} 与支付币种 {payment_currency} 不同</translation>
        </message>
        <message>
            <source>refund currency {currency} differs from the payment's {paid}</source>
            <translation>退款币种 {currency} 与支付币种 {paid} 不同</translation>
        </message>
        <message>
            <source>refund of {amount} is more than the {left} left to refund</source>
            <translation>退款 {amount} 超过剩余可退金额 {left}</translation>
        </message>
        <message>
            <source>refund payment {payment_request_id}</source>
            <translation>为支付 {payment_request_id} 退款</translation>
        </message>
        <message>
            <source>refund reason is longer than 256 characters</source>
            <translation>退款原因超过 256 个字符</translation>
        </message>
        <message>
            <source>refund reason is longer than {max_description_length} chars</source>
            <translation>退款原因超过 {max_description_length} 个字符</translation>
        </message>
        <message>
            <source>refund {amount} exceeds the refundable {refundable} ({currency} minor units)</source>
            <translation>退款 {amount} 超过可退金额 {refundable}（{currency} 最小货币单位）</translation>
        </message>
        <message>
            <source>refund {refund_id} is already {status}</source>
            <translation>退款 {refund_id} 已是 {status}</translation>
        </message>
        <message>
            <source>refund {refund_request_id} is already in the journal</source>
            <translation>退款 {refund_request_id} 已在交易日志中</translation>
        </message>
        <message>
            <source>refund {refund_request_id} is not of payment {payment_request_id}</source>
            <translation>退款 {refund_request_id} 不属于支付 {payment_request_id}</translation>
        </message>
        <message>
            <source>refund_settle_seconds must not be negative</source>
            <translation>refund_settle_seconds 不能为负数</translation>
        </message>
        <message>
            <source>request_time_tolerance must be greater than zero (or None)</source>
            <translation>request_time_tolerance 必须大于零（或为 None）</translation>
        </message>
        <message>
            <source>resultCode: {code_value!r} must be a string</source>
            <translation>resultCode：{code_value!r} 必须是字符串</translation>
        </message>
        <message>
            <source>resultCode: {result_code!r} is not one of {decline_codes}</source>
            <translation>resultCode：{result_code!r} 不是 {decline_codes} 之一</translation>
        </message>
        <message>
            <source>retention_seconds must be greater than zero (or None)</source>
            <translation>retention_seconds 必须大于零（或为 None）</translation>
        </message>
        <message>
            <source>sandbox answered {method} {path} with non-JSON (HTTP {status_value})</source>
            <translation>沙箱对 {method} {path} 的应答不是 JSON（HTTP {status_value}）</translation>
        </message>
        <message>
            <source>sandbox answered {method} {path} with unexpected JSON</source>
            <translation>沙箱对 {method} {path} 的应答是意外的 JSON</translation>
        </message>
        <message>
            <source>sandbox at {base_url} unreachable: {exc}</source>
            <translation>无法连接 {base_url} 上的沙箱：{exc}</translation>
        </message>
        <message>
            <source>sandbox state file {path}: {problem}</source>
            <translation>沙箱状态文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>sandbox url {base_url!r} must look like http://127.0.0.1:PORT</source>
            <translation>沙箱 URL {base_url!r} 必须形如 http://127.0.0.1:PORT</translation>
        </message>
        <message>
            <source>sandbox {base_url}: {exc}</source>
            <translation>沙箱 {base_url}：{exc}</translation>
        </message>
        <message>
            <source>say what to do: cashier scenario list | set NAME [k=v ...] | clear</source>
            <translation>请说明要做什么：cashier scenario list | set NAME [k=v ...] | clear</translation>
        </message>
        <message>
            <source>say where the receipt goes: --pdf FILE, --text and/or --escpos</source>
            <translation>请说明小票输出到哪里：--pdf FILE、--text 和/或 --escpos</translation>
        </message>
        <message>
            <source>scenario {name}: no parameter {name_2!r} (its parameters: {known})</source>
            <translation>场景 {name}：没有参数 {name_2!r}（其参数：{known}）</translation>
        </message>
        <message>
            <source>scenario {name}: params must be an object of name: value</source>
            <translation>场景 {name}：params 必须是 名称: 值 形式的对象</translation>
        </message>
        <message>
            <source>scenario: {scenario!r} is not one of {scenarios}</source>
            <translation>scenario：{scenario!r} 不是 {scenarios} 之一</translation>
        </message>
        <message>
            <source>send a JSON object such as {{"action": "approve", "after_seconds": 5}}</source>
            <translation>请发送 JSON 对象，例如 {{"action": "approve", "after_seconds": 5}}</translation>
        </message>
        <message>
            <source>send {{"name": SCENARIO, "params": {{NAME: VALUE, ...}}}}</source>
            <translation>请发送 {{"name": SCENARIO, "params": {{NAME: VALUE, ...}}}}</translation>
        </message>
        <message>
            <source>sign in first: operators are set up at this till, and every sale records who took it</source>
            <translation>请先登录：此收银台已设置操作员，每笔交易都会记录经手人</translation>
        </message>
        <message>
            <source>signature algorithm {algorithm} is not RSA256</source>
            <translation>签名算法 {algorithm} 不是 RSA256</translation>
        </message>
        <message>
            <source>signature does not verify with the gateway public key (tampered, wrong key, or not SHA-256)</source>
            <translation>签名无法用网关公钥验证（内容被篡改、密钥不对或不是 SHA-256）</translation>
        </message>
        <message>
            <source>signature header has no 'signature=' part</source>
            <translation>Signature 头中没有“signature=”部分</translation>
        </message>
        <message>
            <source>signature header is missing</source>
            <translation>缺少 Signature 头</translation>
        </message>
        <message>
            <source>signature header part {part} is not key=value</source>
            <translation>Signature 头中的 {part} 不是 key=value 形式</translation>
        </message>
        <message>
            <source>signature is empty</source>
            <translation>签名为空</translation>
        </message>
        <message>
            <source>signature is not valid base64</source>
            <translation>签名不是有效的 base64</translation>
        </message>
        <message>
            <source>standard input</source>
            <translation>标准输入</translation>
        </message>
        <message>
            <source>start the sandbox before its LAN listener</source>
            <translation>请先启动沙箱，再启动其局域网监听</translation>
        </message>
        <message>
            <source>step {sale_number} is expected {expect}, not paid</source>
            <translation>第 {sale_number} 步预期为 {expect}，而不是已支付</translation>
        </message>
        <message>
            <source>step {sale_number} is not a sale step before this one</source>
            <translation>第 {sale_number} 步不是此步之前的交易步骤</translation>
        </message>
        <message>
            <source>store push failed (kept for later): {exc}</source>
            <translation>推送到门店失败（已保留待稍后重试）：{exc}</translation>
        </message>
        <message>
            <source>store unreachable: {exc}</source>
            <translation>无法连接门店：{exc}</translation>
        </message>
        <message>
            <source>terminalType {terminal_type!r} is not WEB, WAP, APP or MINI_APP</source>
            <translation>terminalType {terminal_type!r} 不是 WEB、WAP、APP 或 MINI_APP</translation>
        </message>
        <message>
            <source>that PIN is too easy to guess (one digit repeated, or a run such as 1234); choose another</source>
            <translation>这个 PIN 码太容易被猜到（同一数字重复，或 1234 这样的连续数字）；请换一个</translation>
        </message>
        <message>
            <source>the AlipayHK envelope pays with ALIPAY_HK only, not {method_type}</source>
            <translation>AlipayHK 报文只能用 ALIPAY_HK 支付，不能用 {method_type}</translation>
        </message>
        <message>
            <source>the DSN is not a PostgreSQL connection string (e.g. 'host=db.example user=cashier dbname=store' or 'postgresql://cashier@db.example/store')</source>
            <translation>DSN 不是 PostgreSQL 连接字符串（例如 'host=db.example user=cashier dbname=store' 或 'postgresql://cashier@db.example/store'）</translation>
        </message>
        <message>
            <source>the GUI cannot start: {exc} (run `make system-deps`)</source>
            <translation>图形界面无法启动：{exc}（请运行 `make system-deps`）</translation>
        </message>
        <message>
            <source>the OS keyring cannot be opened ({exc}); nothing was {what}</source>
            <translation>无法打开系统密钥环（{exc}）；未{what}任何内容</translation>
        </message>
        <message>
            <source>the OS keyring could not delete the entry ({name}: {exc})</source>
            <translation>系统密钥环未能删除该条目（{name}：{exc}）</translation>
        </message>
        <message>
            <source>the OS keyring is locked: unlock it (log in to the desktop session or open the keyring manager) and retry; nothing was {what}</source>
            <translation>系统密钥环已锁定：请解锁（登录桌面会话或打开密钥环管理器）后重试；未{what}任何内容</translation>
        </message>
        <message>
            <source>the OS keyring is locked: unlock it and retry; nothing was deleted</source>
            <translation>系统密钥环已锁定：请解锁后重试；未删除任何内容</translation>
        </message>
        <message>
            <source>the OS keyring is not reachable ({name}: {exc}); nothing was {what}</source>
            <translation>无法访问系统密钥环（{name}：{exc}）；未{what}任何内容</translation>
        </message>
        <message>
            <source>the OS keyring refused the request ({name}: {exc}); nothing was {what}</source>
            <translation>系统密钥环拒绝了请求（{name}：{exc}）；未{what}任何内容</translation>
        </message>
        <message>
            <source>the address is already in use</source>
            <translation>地址已被占用</translation>
        </message>
        <message>
            <source>the address is not one of this computer's</source>
            <translation>该地址不是本机的地址</translation>
        </message>
        <message>
            <source>the amount that asks for confirmation ({confirm}) is more than the largest sale ({limit})</source>
            <translation>需确认的金额起点（{confirm}）高于单笔最高金额（{limit}）</translation>
        </message>
        <message>
            <source>the connection timed out</source>
            <translation>连接超时</translation>
        </message>
        <message>
            <source>the connection was refused</source>
            <translation>连接被拒绝</translation>
        </message>
        <message>
            <source>the connection was reset</source>
            <translation>连接被重置</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>the disk quota is used up</source>
            <translation>磁盘配额已用完</translation>
        </message>
        <message>
            <source>the embedded sandbox did not start: {exc}</source>
            <translation>内置沙箱未能启动：{exc}</translation>
        </message>
        <message>
            <source>the embedded sandbox profile cannot be deleted</source>
            <translation>内置沙箱配置不能删除</translation>
        </message>
        <message>
            <source>the encrypted key file needs a passphrase: give --keystore-passphrase-file FILE or set {env}</source>
            <translation>加密密钥文件需要口令：请提供 --keystore-passphrase-file FILE 或设置 {env}</translation>
        </message>
        <message>
            <source>the file is read-only</source>
            <translation>文件是只读的</translation>
        </message>
        <message>
            <source>the file system is read-only</source>
            <translation>文件系统是只读的</translation>
        </message>
        <message>
            <source>the first operator must be a manager (who can approve refunds and add the others)</source>
            <translation>第一个操作员必须是经理（可以批准退款并添加其他操作员）</translation>
        </message>
        <message>
            <source>the gateway did not cancel payment {payment}: {code}</source>
            <translation>网关未取消支付 {payment}：{code}</translation>
        </message>
        <message>
            <source>the host cannot be reached</source>
            <translation>无法访问该主机</translation>
        </message>
        <message>
            <source>the journal could not record payment {payment} ({problem}): the payment may have been taken; free disk space, then run cashier recover</source>
            <translation>交易日志无法记录支付 {payment}（{problem}）：这笔款项可能已被收取；请释放磁盘空间，然后运行 cashier recover</translation>
        </message>
        <message>
            <source>the journal is not till {till_id!r}'s: run 'cashier store join' again</source>
            <translation>该交易日志不属于收银台 {till_id!r}：请重新运行 'cashier store join'</translation>
        </message>
        <message>
            <source>the key and its passphrase cannot both come from standard input</source>
            <translation>密钥和其口令不能都来自标准输入</translation>
        </message>
        <message>
            <source>the key file passphrase is empty</source>
            <translation>密钥文件口令为空</translation>
        </message>
        <message>
            <source>the key index of profile {name!r} is damaged; re-import the keys</source>
            <translation>配置 {name!r} 的密钥索引已损坏；请重新导入密钥</translation>
        </message>
        <message>
            <source>the name is too long</source>
            <translation>名称太长</translation>
        </message>
        <message>
            <source>the network cannot be reached</source>
            <translation>无法访问网络</translation>
        </message>
        <message>
            <source>the operation is not permitted</source>
            <translation>不允许此操作</translation>
        </message>
        <message>
            <source>the payment code has {length} digits; wallet codes have {min} to {max}</source>
            <translation>付款码有 {length} 位；钱包付款码为 {min} 到 {max} 位</translation>
        </message>
        <message>
            <source>the payment code is empty</source>
            <translation>付款码为空</translation>
        </message>
        <message>
            <source>the payment code may contain digits only</source>
            <translation>付款码只能包含数字</translation>
        </message>
        <message>
            <source>the printer refused the receipt: {reason}</source>
            <translation>打印机拒绝打印小票：{reason}</translation>
        </message>
        <message>
            <source>the published embedded-sandbox demo gateway key cannot be used for {target}: its private half is public, so nothing signed with it can be trusted; import the gateway's real public key</source>
            <translation>公开的内置沙箱演示网关密钥不能用于 {target}：其私钥是公开的，用它签名的内容都不可信；请导入网关真正的公钥</translation>
        </message>
        <message>
            <source>the published embedded-sandbox demo merchant key cannot be used for {target}: its private half is public, so nothing signed with it can be trusted; generate or import this profile's own keys</source>
            <translation>公开的内置沙箱演示商户密钥不能用于 {target}：其私钥是公开的，用它签名的内容都不可信；请为此配置生成或导入自己的密钥</translation>
        </message>
        <message>
            <source>the published embedded-sandbox demo {which} key cannot be used for profile {name!r}: its private half is public; generate or import this profile's own key</source>
            <translation>公开的内置沙箱演示{which}密钥不能用于配置 {name!r}：其私钥是公开的；请为此配置生成或导入自己的密钥</translation>
        </message>
        <message>
            <source>the refund window of {days} days after payment ({paid_at}) has passed</source>
            <translation>支付（{paid_at}）后 {days} 天的退款期限已过</translation>
        </message>
        <message>
            <source>the role must be cashier or manager</source>
            <translation>角色必须是收银员或经理</translation>
        </message>
        <message>
            <source>the sandbox refused {method} {path} (HTTP {status_value}): {message}</source>
            <translation>沙箱拒绝了 {method} {path}（HTTP {status_value}）：{message}</translation>
        </message>
        <message>
            <source>the store database has schema {before}, newer than this cashier's {schema_version}; upgrade cashier</source>
            <translation>门店数据库的结构版本为 {before}，比本收银台的 {schema_version} 新；请升级收银台</translation>
        </message>
        <message>
            <source>the store has schema {version}, newer than this cashier's {schema_version}; upgrade cashier</source>
            <translation>门店的结构版本为 {version}，比本收银台的 {schema_version} 新；请升级收银台</translation>
        </message>
        <message>
            <source>the store has schema {version}, older than this cashier's {schema_version}: run 'cashier store init --dsn ...' (an owner's DSN) first</source>
            <translation>门店的结构版本为 {version}，比本收银台的 {schema_version} 旧：请先（用所有者的 DSN）运行 'cashier store init --dsn ...'</translation>
        </message>
        <message>
            <source>the store keeps no operators yet (its schema is older): run 'cashier store init --dsn ...' with this cashier</source>
            <translation>门店尚未保存操作员（其结构版本较旧）：请用本收银台运行 'cashier store init --dsn ...'</translation>
        </message>
        <message>
            <source>the store link {path} is unreadable: {exc}</source>
            <translation>门店关联文件 {path} 无法读取：{exc}</translation>
        </message>
        <message>
            <source>the store link {path} lacks 'dsn' or 'till_id'</source>
            <translation>门店关联文件 {path} 缺少 'dsn' 或 'till_id'</translation>
        </message>
        <message>
            <source>the store server cannot be reached, so a sale of till {till} cannot be refunded here now ({problem}); nothing was sent: refund it at till {till} or try again once the store is back</source>
            <translation>无法连接门店服务器，现在不能在这里为收银台 {till} 的交易退款（{problem}）；没有发送任何内容：请在收银台 {till} 退款，或在门店服务器恢复后重试</translation>
        </message>
        <message>
            <source>the store server cannot be reached, so operators cannot be changed now (every till must agree on them): {problem}</source>
            <translation>无法连接门店服务器，现在不能更改操作员（所有收银台必须保持一致）：{problem}</translation>
        </message>
        <message>
            <source>the store server cannot be reached, so the whole store cannot be shown now ({problem}); this till's own view still works</source>
            <translation>无法连接门店服务器，现在无法显示全店数据（{problem}）；本收银台自己的数据仍可查看</translation>
        </message>
        <message>
            <source>the store server refused: {detail}</source>
            <translation>门店服务器拒绝了请求：{detail}</translation>
        </message>
        <message>
            <source>the store server stopped answering: {detail}</source>
            <translation>门店服务器停止了应答：{detail}</translation>
        </message>
        <message>
            <source>the store's password is in the key store, which cannot be opened: {exc}</source>
            <translation>门店的密码保存在密钥存储中，但密钥存储无法打开：{exc}</translation>
        </message>
        <message>
            <source>the store's password must go to the key store, which is unusable: {exc}</source>
            <translation>门店的密码必须存入密钥存储，但密钥存储不可用：{exc}</translation>
        </message>
        <message>
            <source>the store's time zone is {current}; it cannot become {timezone} once payments are recorded (their business days would move)</source>
            <translation>门店的时区为 {current}；已有支付记录后不能改为 {timezone}（其营业日会变动）</translation>
        </message>
        <message>
            <source>the stored gateway key of profile {name!r} is damaged; import it again</source>
            <translation>配置 {name!r} 保存的网关密钥已损坏；请重新导入</translation>
        </message>
        <message>
            <source>the stored private key of profile {name!r} (version {version}) is damaged; import it again</source>
            <translation>配置 {name!r} 保存的私钥（版本 {version}）已损坏；请重新导入</translation>
        </message>
        <message>
            <source>the system's proxy {proxy!r} cannot be used: {exc}</source>
            <translation>无法使用系统代理 {proxy!r}：{exc}</translation>
        </message>
        <message>
            <source>the two PINs differ; nothing was changed</source>
            <translation>两次输入的 PIN 不一致；未做任何更改</translation>
        </message>
        <message>
            <source>the {what} input is larger than {max_input_bytes} KiB; give the key file itself</source>
            <translation>{what} 输入大于 {max_input_bytes} KiB；请直接提供密钥文件</translation>
        </message>
        <message>
            <source>there is already an operator {name}</source>
            <translation>已有操作员 {name}</translation>
        </message>
        <message>
            <source>there is no operator {name}</source>
            <translation>没有操作员 {name}</translation>
        </message>
        <message>
            <source>this installation has not joined a store: run 'cashier store join --dsn ...'</source>
            <translation>本机尚未加入门店：请运行 'cashier store join --dsn ...'</translation>
        </message>
        <message>
            <source>this installation is till {linked!r} of its store; it cannot join as {till_id!r} (a till keeps its id: its sales at the store carry it)</source>
            <translation>本机是所在门店的收银台 {linked!r}；不能以 {till_id!r} 加入（收银台编号不变：门店中的交易都带有它）</translation>
        </message>
        <message>
            <source>this is a PKCS#1 'RSA PUBLIC KEY'; Antom uses X.509 SubjectPublicKeyInfo ('PUBLIC KEY'): convert it with 'openssl rsa -RSAPublicKey_in -pubout'</source>
            <translation>这是 PKCS#1 'RSA PUBLIC KEY'；Antom 使用 X.509 SubjectPublicKeyInfo（'PUBLIC KEY'）：请用 'openssl rsa -RSAPublicKey_in -pubout' 转换</translation>
        </message>
        <message>
            <source>this is a PKCS#1 RSA public key; Antom uses X.509 SubjectPublicKeyInfo (base64 starting 'MIIBIj...')</source>
            <translation>这是 PKCS#1 RSA 公钥；Antom 使用 X.509 SubjectPublicKeyInfo（以 'MIIBIj...' 开头的 base64）</translation>
        </message>
        <message>
            <source>this is a certificate; a private key is needed here</source>
            <translation>这是证书；此处需要私钥</translation>
        </message>
        <message>
            <source>this is a private key; a public key is needed here</source>
            <translation>这是私钥；此处需要公钥</translation>
        </message>
        <message>
            <source>this is a public key; a private key is needed here</source>
            <translation>这是公钥；此处需要私钥</translation>
        </message>
        <message>
            <source>this journal already belongs to till {linked!r} at its store; it cannot become till {till_id!r}</source>
            <translation>该交易日志已属于其门店的收银台 {linked!r}；不能变为收银台 {till_id!r}</translation>
        </message>
        <message>
            <source>this payment code was already used at this till; ask the customer to refresh it</source>
            <translation>此付款码已在本收银台使用过，请顾客刷新付款码</translation>
        </message>
        <message>
            <source>this till keeps no operators</source>
            <translation>此收银台不保存操作员</translation>
        </message>
        <message>
            <source>till id {text!r} must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit</source>
            <translation>收银台编号 {text!r} 必须是 1 到 64 个字母、数字、'_'、'-' 或 '.'，并以字母或数字开头</translation>
        </message>
        <message>
            <source>time zone {timezone!r} is not known to the database server</source>
            <translation>数据库服务器不认识时区 {timezone!r}</translation>
        </message>
        <message>
            <source>too many open files</source>
            <translation>打开的文件太多</translation>
        </message>
        <message>
            <source>translations for {lang} are {why} ({qm})</source>
            <translation>{lang} 的翻译{why}（{qm}）</translation>
        </message>
        <message>
            <source>unknown code source {source!r} (alipay-client, alipay-spi, payment-kit)</source>
            <translation>未知的代码来源 {source!r}（alipay-client、alipay-spi、payment-kit）</translation>
        </message>
        <message>
            <source>unknown fault field(s): {unknown}</source>
            <translation>未知的故障字段：{unknown}</translation>
        </message>
        <message>
            <source>unknown field(s) {unknown}</source>
            <translation>未知字段 {unknown}</translation>
        </message>
        <message>
            <source>unknown method rule(s) {unknown}; allowed: {allowed}</source>
            <translation>未知的支付方式规则 {unknown}；允许：{allowed}</translation>
        </message>
        <message>
            <source>unknown payment method {method}</source>
            <translation>未知的支付方式 {method}</translation>
        </message>
        <message>
            <source>unknown setting (allowed: {top_keys}, and [[step]] tables)</source>
            <translation>未知设置（允许：{top_keys}，以及 [[step]] 表）</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>unsupported PEM block {label!r} for a private key</source>
            <translation>私钥不支持 PEM 块 {label!r}</translation>
        </message>
        <message>
            <source>unsupported PEM block {label!r} for a public key</source>
            <translation>公钥不支持 PEM 块 {label!r}</translation>
        </message>
        <message>
            <source>update payment {payment_request_id} in</source>
            <translation>更新支付 {payment_request_id}：</translation>
        </message>
        <message>
            <source>update refund {refund_request_id} in</source>
            <translation>更新退款 {refund_request_id}：</translation>
        </message>
        <message>
            <source>wallet {wallet} is not a known paymentMethodType (known: {known})</source>
            <translation>钱包 {wallet} 不是已知的支付方式类型（已知：{known}）</translation>
        </message>
        <message>
            <source>wallets must be a list of paymentMethodType names</source>
            <translation>钱包必须是支付方式类型名称的列表</translation>
        </message>
        <message>
            <source>wallets must be a list of paymentMethodType strings</source>
            <translation>wallets 必须是 paymentMethodType 字符串的列表</translation>
        </message>
        <message>
            <source>write an event of {payment_request_id} to</source>
            <translation>写入 {payment_request_id} 的事件：</translation>
        </message>
        <message>
            <source>write payment {payment_request_id} to</source>
            <translation>写入支付 {payment_request_id}：</translation>
        </message>
        <message>
            <source>write payments to</source>
            <translation>写入支付：</translation>
        </message>
        <message>
            <source>write refund {refund_request_id} to</source>
            <translation>写入退款 {refund_request_id}：</translation>
        </message>
        <message>
            <source>write to</source>
            <translation>写入</translation>
        </message>
        <message>
            <source>wrong PIN for {name}: the account is now locked until {until} (in {minutes} min)</source>
            <translation>{name} 的 PIN 码错误：账户现已锁定，{until} 解锁（还有 {minutes} 分钟）</translation>
        </message>
        <message>
            <source>wrong PIN for {name}: {left} more tries before the account is locked</source>
            <translation>{name} 的 PIN 码错误：再错 {left} 次账户将被锁定</translation>
        </message>
        <message>
            <source>wrong passphrase for key file {path} (or the file was altered); nothing was changed</source>
            <translation>密钥文件 {path} 的口令错误（或文件已被改动）；未做任何更改</translation>
        </message>
        <message>
            <source>wrong passphrase for the encrypted private key</source>
            <translation>加密私钥的口令错误</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>{amount} is more than the largest sale this till takes ({limit})</source>
            <translation>{amount} 超过本收银台的单笔最高金额（{limit}）</translation>
        </message>
        <message>
            <source>{amount} is more than the sale's {amount_2}</source>
            <translation>{amount} 超过该交易的 {amount_2}</translation>
        </message>
        <message>
            <source>{amount} is more than the {left} left to refund</source>
            <translation>{amount} 超过剩余可退款的 {left}</translation>
        </message>
        <message>
            <source>{api} needs {ids}</source>
            <translation>{api} 需要 {ids}</translation>
        </message>
        <message>
            <source>{api}: answer amount {amount} differs from the journaled {journaled}</source>
            <translation>{api}：应答金额 {amount} 与交易日志中记录的 {journaled} 不符</translation>
        </message>
        <message>
            <source>{api}: answer has no 'result' object</source>
            <translation>{api}：应答没有 'result' 对象</translation>
        </message>
        <message>
            <source>{api}: answer has no paymentStatus</source>
            <translation>{api}：应答没有 paymentStatus</translation>
        </message>
        <message>
            <source>{api}: answer has no usable resultInfo</source>
            <translation>{api}：应答没有可用的 resultInfo</translation>
        </message>
        <message>
            <source>{api}: answer has no {header} header</source>
            <translation>{api}：应答缺少 {header} 头</translation>
        </message>
        <message>
            <source>{api}: answer head.{name} {name_2!r} is not ours</source>
            <translation>{api}：应答的 head.{name} {name_2!r} 不是我们的</translation>
        </message>
        <message>
            <source>{api}: answer is compressed ({encoding}) although we asked for it uncompressed: refused unread</source>
            <translation>{api}：应答经过压缩（{encoding}），但我们要求不压缩：未读取即拒绝</translation>
        </message>
        <message>
            <source>{api}: answer is for client-id {client}, not ours</source>
            <translation>{api}：应答的 client-id 是 {client}，不是我们的</translation>
        </message>
        <message>
            <source>{api}: answer is for paymentId {got!r}, not {ours!r}</source>
            <translation>{api}：应答对应的是 paymentId {got!r}，而不是 {ours!r}</translation>
        </message>
        <message>
            <source>{api}: answer is for refundRequestId {rrid!r}</source>
            <translation>{api}：应答对应的是 refundRequestId {rrid!r}</translation>
        </message>
        <message>
            <source>{api}: answer is not UTF-8 JSON</source>
            <translation>{api}：应答不是 UTF-8 JSON</translation>
        </message>
        <message>
            <source>{api}: answer is not a JSON object</source>
            <translation>{api}：应答不是 JSON 对象</translation>
        </message>
        <message>
            <source>{api}: answer is over the {limit}-byte limit</source>
            <translation>{api}：应答超过 {limit} 字节的上限</translation>
        </message>
        <message>
            <source>{api}: answer of {declared} bytes is over the {limit}-byte limit</source>
            <translation>{api}：{declared} 字节的应答超过 {limit} 字节的上限</translation>
        </message>
        <message>
            <source>{api}: answer's Response-Time {response_time} is {moment} ahead of this computer's clock (more than {tolerance} s): not believed; check the clock</source>
            <translation>{api}：应答的 Response-Time {response_time} 比本机时钟快 {moment}（超过 {tolerance} 秒）：不予采信；请检查时钟</translation>
        </message>
        <message>
            <source>{api}: answer's Response-Time {response_time} is {start} before our request (a replayed answer, or a clock off by more than {tolerance} s): not believed</source>
            <translation>{api}：应答的 Response-Time {response_time} 比我们的请求早 {start}（重放的应答，或时钟偏差超过 {tolerance} 秒）：不予采信</translation>
        </message>
        <message>
            <source>{api}: cannot connect to the gateway at {host}</source>
            <translation>{api}：无法连接 {host} 上的网关</translation>
        </message>
        <message>
            <source>{api}: could not connect to the gateway at {host} within {limit}s</source>
            <translation>{api}：{limit} 秒内未能连接 {host} 上的网关</translation>
        </message>
        <message>
            <source>{api}: gateway answered HTTP {status_code}</source>
            <translation>{api}：网关应答 HTTP {status_code}</translation>
        </message>
        <message>
            <source>{api}: no answer within {limit}s</source>
            <translation>{api}：{limit} 秒内没有应答</translation>
        </message>
        <message>
            <source>{api}: not sent: the time limit has run out</source>
            <translation>{api}：未发送：时限已到</translation>
        </message>
        <message>
            <source>{api}: resultCode is missing</source>
            <translation>{api}：缺少 resultCode</translation>
        </message>
        <message>
            <source>{api}: resultInfo.resultCode is missing</source>
            <translation>{api}：缺少 resultInfo.resultCode</translation>
        </message>
        <message>
            <source>{api}: resultStatus {status_value!r} is not S, F or U</source>
            <translation>{api}：resultStatus {status_value!r} 不是 S、F 或 U</translation>
        </message>
        <message>
            <source>{api}: the connection to the gateway at {host} failed</source>
            <translation>{api}：与 {host} 上网关的连接失败</translation>
        </message>
        <message>
            <source>{api}: the gateway at {host} cannot be reached (no network route)</source>
            <translation>{api}：无法访问 {host} 上的网关（没有网络路由）</translation>
        </message>
        <message>
            <source>{api}: the gateway at {host} dropped the connection before answering</source>
            <translation>{api}：{host} 上的网关在应答前断开了连接</translation>
        </message>
        <message>
            <source>{api}: the gateway at {host} refused the connection (nothing listens on that port, or a firewall blocks it)</source>
            <translation>{api}：{host} 上的网关拒绝了连接（该端口没有服务在监听，或被防火墙阻止）</translation>
        </message>
        <message>
            <source>{api}: the gateway's host name {host} cannot be found (check the gateway URL and the network)</source>
            <translation>{api}：找不到网关的主机名 {host}（请检查网关 URL 和网络）</translation>
        </message>
        <message>
            <source>{api}: the secure connection (TLS) to {host} failed: its certificate is not trusted or the handshake failed</source>
            <translation>{api}：与 {host} 的安全连接（TLS）失败：其证书不受信任或握手失败</translation>
        </message>
        <message>
            <source>{api}: {exc}</source>
            <translation>{api}：{exc}</translation>
        </message>
        <message>
            <source>{api}: {key} is not a time string</source>
            <translation>{api}：{key} 不是时间字符串</translation>
        </message>
        <message>
            <source>{api}: {key} is not a usable amount ({exc})</source>
            <translation>{api}：{key} 不是可用的金额（{exc}）</translation>
        </message>
        <message>
            <source>{api}: {key} {value!r} is not an ISO 8601 time</source>
            <translation>{api}：{key} {value!r} 不是 ISO 8601 时间</translation>
        </message>
        <message>
            <source>{api}: {problem}</source>
            <translation>{api}：{problem}</translation>
        </message>
        <message>
            <source>{currency} allows at most {digits} decimal places</source>
            <translation>{currency} 最多允许 {digits} 位小数</translation>
        </message>
        <message>
            <source>{currency} has no minor unit: the amount must be a whole number</source>
            <translation>{currency} 没有辅币单位：金额必须是整数</translation>
        </message>
        <message>
            <source>{data} characters do not fit in a QR code</source>
            <translation>{data} 个字符放不进二维码</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>{dsn} is not a cashier store yet: run 'cashier store init --dsn ...' first</source>
            <translation>{dsn} 还不是收银门店数据库：请先运行 'cashier store init --dsn ...'</translation>
        </message>
        <message>
            <source>{error}</source>
            <translation>{error}</translation>
        </message>
        <message>
            <source>{exc}; and it cannot be moved aside: {problem}</source>
            <translation>{exc}；并且无法将其移到一旁：{problem}</translation>
        </message>
        <message>
            <source>{exc}; nothing was changed</source>
            <translation>{exc}；未做任何更改</translation>
        </message>
        <message>
            <source>{field} must be a positive whole number of minor units</source>
            <translation>{field} 必须是正整数（最小货币单位）</translation>
        </message>
        <message>
            <source>{field}: unknown field (allowed: name, params)</source>
            <translation>{field}：未知字段（允许：name、params）</translation>
        </message>
        <message>
            <source>{field}: unknown field (allowed: {fields})</source>
            <translation>{field}：未知字段（允许：{fields}）</translation>
        </message>
        <message>
            <source>{first}; {second}</source>
            <translation>{first}；{second}</translation>
        </message>
        <message>
            <source>{flag} {value}: must be greater than zero</source>
            <translation>{flag} {value}：必须大于零</translation>
        </message>
        <message>
            <source>{item!r}: parameters are given as name=value</source>
            <translation>{item!r}：参数应写成 名称=值</translation>
        </message>
        <message>
            <source>{key} is missing (a sale needs amount and wallet)</source>
            <translation>缺少 {key}（交易需要 amount 和 wallet）</translation>
        </message>
        <message>
            <source>{key} must be a string</source>
            <translation>{key} 必须是字符串</translation>
        </message>
        <message>
            <source>{kind} must be an object with head and body</source>
            <translation>{kind} 必须是包含 head 和 body 的对象</translation>
        </message>
        <message>
            <source>{kind} must have a head object and a body object</source>
            <translation>{kind} 必须有 head 对象和 body 对象</translation>
        </message>
        <message>
            <source>{kind}.head.clientId is missing</source>
            <translation>缺少 {kind}.head.clientId</translation>
        </message>
        <message>
            <source>{message}</source>
            <translation>{message}</translation>
        </message>
        <message>
            <source>{method} allows one refund per payment, and this one has one</source>
            <translation>{method} 每笔支付只允许一次退款，该支付已有一次</translation>
        </message>
        <message>
            <source>{method} is not allowed on {path}</source>
            <translation>{path} 不接受 {method}</translation>
        </message>
        <message>
            <source>{method} payments cannot be refunded</source>
            <translation>{method} 的支付不能退款</translation>
        </message>
        <message>
            <source>{method} refunds the whole {total} only, not {amount} ({currency} minor units)</source>
            <translation>{method} 只能全额退款 {total}，不能退 {amount}（{currency} 最小货币单位）</translation>
        </message>
        <message>
            <source>{method} takes at least {minimum}; {amount} is less</source>
            <translation>{method} 单笔最低 {minimum}；{amount} 低于此限额</translation>
        </message>
        <message>
            <source>{method} takes at most {maximum}; {amount} is more</source>
            <translation>{method} 单笔最高 {maximum}；{amount} 超过此限额</translation>
        </message>
        <message>
            <source>{name_en} does not accept {currency}</source>
            <translation>{name_en} 不接受 {currency}</translation>
        </message>
        <message>
            <source>{name_en} does not accept {currency} (it accepts {currencies})</source>
            <translation>{name_en} 不接受 {currency}（接受：{currencies}）</translation>
        </message>
        <message>
            <source>{name} header is missing</source>
            <translation>缺少 {name} 头</translation>
        </message>
        <message>
            <source>{name} is a cashier: only a manager's PIN can approve this</source>
            <translation>{name} 是收银员：只有经理的 PIN 码才能批准此操作</translation>
        </message>
        <message>
            <source>{name} is binary (DER?), not PEM or base64 text; convert it with 'openssl pkey -inform DER'</source>
            <translation>{name} 是二进制（DER？），不是 PEM 或 base64 文本；请用 'openssl pkey -inform DER' 转换</translation>
        </message>
        <message>
            <source>{name} is empty</source>
            <translation>{name} 为空</translation>
        </message>
        <message>
            <source>{name} is locked after {count} wrong PINs until {until} (in {minutes} min); a manager can unlock it sooner</source>
            <translation>{name} 因 {count} 次 PIN 码错误已被锁定，{until} 解锁（还有 {minutes} 分钟）；经理可以提前解锁</translation>
        </message>
        <message>
            <source>{name} is longer than {limit} characters</source>
            <translation>{name} 超过 {limit} 个字符</translation>
        </message>
        <message>
            <source>{name} is longer than {max_id_length} characters</source>
            <translation>{name} 超过 {max_id_length} 个字符</translation>
        </message>
        <message>
            <source>{name} is the last manager: add another manager first</source>
            <translation>{name} 是最后一位经理：请先添加另一位经理</translation>
        </message>
        <message>
            <source>{name} is {size} bytes: far larger than a key file</source>
            <translation>{name} 有 {size} 字节：远大于密钥文件</translation>
        </message>
        <message>
            <source>{name} must be 1-256 characters</source>
            <translation>{name} 必须为 1 到 256 个字符</translation>
        </message>
        <message>
            <source>{name} must be 1-64 letters, digits, '_', '-' or '.'</source>
            <translation>{name} 必须是 1 到 64 个字母、数字、'_'、'-' 或 '.'</translation>
        </message>
        <message>
            <source>{name} must be a 4-digit merchant category code (MCC)</source>
            <translation>{name} 必须是 4 位商户类别码（MCC）</translation>
        </message>
        <message>
            <source>{name} must be an http(s) URL</source>
            <translation>{name} 必须是 http(s) URL</translation>
        </message>
        <message>
            <source>{name} {value} has no UTC offset</source>
            <translation>{name} {value} 没有 UTC 时区偏移</translation>
        </message>
        <message>
            <source>{name} {value} is neither ISO 8601 with a UTC offset nor epoch milliseconds</source>
            <translation>{name} {value} 既不是带 UTC 偏移的 ISO 8601 时间，也不是毫秒时间戳</translation>
        </message>
        <message>
            <source>{name} {value} is neither ISO 8601 with a UTC offset nor epoch milliseconds (13 digits)</source>
            <translation>{name} {value} 既不是带 UTC 偏移的 ISO 8601 时间，也不是毫秒时间戳（13 位）</translation>
        </message>
        <message>
            <source>{option} must be at least {minimum}</source>
            <translation>{option} 至少为 {minimum}</translation>
        </message>
        <message>
            <source>{option} {text!r} is not a date like 2026-11-21</source>
            <translation>{option} {text!r} 不是 2026-11-21 这样的日期</translation>
        </message>
        <message>
            <source>{option} {text!r} is not a whole number</source>
            <translation>{option} {text!r} 不是整数</translation>
        </message>
        <message>
            <source>{option}: cannot read {path}: {problem}</source>
            <translation>{option}：无法读取 {path}：{problem}</translation>
        </message>
        <message>
            <source>{option}: {error}</source>
            <translation>{option}：{error}</translation>
        </message>
        <message>
            <source>{option}: {path} is not a text key file (PEM or base64)</source>
            <translation>{option}：{path} 不是文本密钥文件（PEM 或 base64）</translation>
        </message>
        <message>
            <source>{path} is a folder: move it away first</source>
            <translation>{path} 是文件夹：请先将其移走</translation>
        </message>
        <message>
            <source>{path} is being changed by another cashier process (waited {timeout} s)</source>
            <translation>{path} 正在被另一个收银台进程修改（已等待 {timeout} 秒）</translation>
        </message>
        <message>
            <source>{path}: cannot read it: {problem}</source>
            <translation>{path}：无法读取：{problem}</translation>
        </message>
        <message>
            <source>{path}: no steps: add [[step]] tables (see the examples)</source>
            <translation>{path}：没有步骤：请添加 [[step]] 表（见示例）</translation>
        </message>
        <message>
            <source>{path}: not UTF-8 text</source>
            <translation>{path}：不是 UTF-8 文本</translation>
        </message>
        <message>
            <source>{path}: {raw_steps} steps; at most {max_steps}</source>
            <translation>{path}：{raw_steps} 个步骤；最多 {max_steps} 个</translation>
        </message>
        <message>
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <source>{type} does not accept {currency} (it accepts {currencies})</source>
            <translation>{type} 不接受 {currency}（接受：{currencies}）</translation>
        </message>
        <message>
            <source>{value!r} is not one of {allowed}</source>
            <translation>{value!r} 不是 {allowed} 之一</translation>
        </message>
        <message>
            <source>{value!r} must be from {low} to {high}</source>
            <translation>{value!r} 必须在 {low} 到 {high} 之间</translation>
        </message>
        <message>
            <source>{value!r}: write the amount as text, e.g. amount = "12.30"</source>
            <translation>{value!r}：请把金额写成文本，例如 amount = "12.30"</translation>
        </message>
        <message>
            <source>{what} must not contain a user name or password</source>
            <translation>{what}不能包含用户名或密码</translation>
        </message>
        <message>
            <source>{what} {url} is not a valid URL: {problem}</source>
            <translation>{what} {url} 不是有效的 URL：{problem}</translation>
        </message>
        <message>
            <source>{what} {url} must be an https:// URL with a host name</source>
            <translation>{what} {url} 必须是带主机名的 https:// URL</translation>
        </message>
        <message>
            <source>{what} {url} must be the base URL only (no path such as /ams/api: the client adds it)</source>
            <translation>{what} {url} 只能是基础 URL（不带 /ams/api 之类的路径：客户端会自动添加）</translation>
        </message>
        <message>
            <source>{what} {url} must not have a query or fragment</source>
            <translation>{what} {url} 不能带查询参数或片段</translation>
        </message>
        <message>
            <source>{what} {url} uses plain http: only https is allowed, except to a gateway on this machine (127.0.0.1 / localhost)</source>
            <translation>{what} {url} 使用了明文 HTTP：只允许 HTTPS，本机网关（127.0.0.1 / localhost）除外</translation>
        </message>
        <message>
            <source>{what}: cannot read {path_text!r}: {reason}</source>
            <translation>{what}：无法读取 {path_text!r}：{reason}</translation>
        </message>
        <message>
            <source>{where}: not valid TOML: {detail}</source>
            <translation>{where}：不是有效的 TOML：{detail}</translation>
        </message>
        <message>
            <source>{where}: step {step}: {key}: {problem}</source>
            <translation>{where}：第 {step} 步：{key}：{problem}</translation>
        </message>
        <message>
            <source>{where}: step {step}: {problem}</source>
            <translation>{where}：第 {step} 步：{problem}</translation>
        </message>
        <message>
            <source>{where}: {key}: {problem}</source>
            <translation>{where}：{key}：{problem}</translation>
        </message>
        <message>
            <source>{where}: {problem}</source>
            <translation>{where}：{problem}</translation>
        </message>
        <message>
            <source>{why}</source>
            <translation>{why}</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>  %1: %2 sale(s) %3, %4 refund(s) %5, net %6 %7</source>
            <translation>  %1：%2 笔交易 %3，%4 笔退款 %5，净额 %6 %7</translation>
        </message>
        <message>
            <source>  - %1 must be this computer's address on that network (see `ip addr` or the Wi-Fi settings);</source>
            <translation>  - %1 必须是本机在该网络中的地址（见 `ip addr` 或 Wi-Fi 设置）；</translation>
        </message>
        <message>
            <source>  - the address is plain http: some phone browsers warn first; choose to continue.</source>
            <translation>  - 该地址是明文 http：有些手机浏览器会先发出警告，请选择继续访问。</translation>
        </message>
        <message>
            <source>  - the firewall must let in TCP port %1 (e.g. `sudo ufw allow %1/tcp`);</source>
            <translation>  - 防火墙必须放行 TCP 端口 %1（例如 `sudo ufw allow %1/tcp`）；</translation>
        </message>
        <message>
            <source>  - the phone must be on the same network as this computer (a guest or 'isolated' Wi-Fi keeps devices apart; mobile data cannot reach it);</source>
            <translation>  - 手机必须和本机在同一网络中（访客网络或“隔离”的 Wi-Fi 会把设备隔开；移动数据网络无法访问）；</translation>
        </message>
        <message>
            <source>  REFUND %1 %2  %3</source>
            <translation>  退款 %1 %2  %3</translation>
        </message>
        <message>
            <source>  locked until %1</source>
            <translation>  锁定至 %1</translation>
        </message>
        <message>
            <source>%1</source>
            <translation>%1</translation>
        </message>
        <message>
            <source>%1  (active)</source>
            <translation>%1  （当前配置）</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>%1 (active: %2)</source>
            <translation>%1（当前使用：%2）</translation>
        </message>
        <message>
            <source>%1 (no payment can be taken)</source>
            <translation>%1（无法收款）</translation>
        </message>
        <message>
            <source>%1 (schema %2); %3 unfinished payment(s): run 'cashier recover'</source>
            <translation>%1（结构版本 %2）；%3 笔未完成的支付：请运行 cashier recover</translation>
        </message>
        <message>
            <source>%1 (schema %2); no unfinished payments</source>
            <translation>%1（结构版本 %2）；没有未完成的支付</translation>
        </message>
        <message>
            <source>%1 cannot be written</source>
            <translation>%1 无法写入</translation>
        </message>
        <message>
            <source>%1 check(s) failed</source>
            <translation>%1 项检查未通过</translation>
        </message>
        <message>
            <source>%1 is now a %2</source>
            <translation>%1 现在是%2</translation>
        </message>
        <message>
            <source>%1 net %2</source>
            <translation>%1 净额 %2</translation>
        </message>
        <message>
            <source>%1 paid, %2 refunds; %3</source>
            <translation>%1 笔已付款，%2 笔退款；%3</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>%1 sales</source>
            <translation>%1 笔交易</translation>
        </message>
        <message>
            <source>%1 steps: %2 passed, %3 failed (%4 s)</source>
            <translation>共 %1 步：%2 步通过，%3 步失败（%4 秒）</translation>
        </message>
        <message>
            <source>%1 unlocked</source>
            <translation>%1 已解锁</translation>
        </message>
        <message>
            <source>%1 written to %2</source>
            <translation>%1 已写入 %2</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1，%2</translation>
        </message>
        <message>
            <source>%1. Fix: %2</source>
            <translation>%1。解决：%2</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <source>%1: %2 (%3 ms)</source>
            <translation>%1：%2（%3 毫秒）</translation>
        </message>
        <message>
            <source>%1: %2, %3, client id %4, %5, dialect %6</source>
            <translation>%1：%2，%3，客户端 ID %4，%5，接口 %6</translation>
        </message>
        <message>
            <source>%1: error: %2</source>
            <translation>%1：错误：%2</translation>
        </message>
        <message>
            <source>%1: set this machine's clock (NTP); more than %2 s apart breaks time checks</source>
            <translation>%1：请校准本机时钟（NTP）；相差超过 %2 秒会使时间校验失败</translation>
        </message>
        <message>
            <source>%1; now active</source>
            <translation>%1；已设为当前配置</translation>
        </message>
        <message>
            <source>(%1 of %2 payments)</source>
            <translation>（共 %2 笔支付，显示第 %1 笔）</translation>
        </message>
        <message>
            <source>(%1 of 1 payment)</source>
            <translation>（共 1 笔支付，显示第 %1 笔）</translation>
        </message>
        <message>
            <source>(%1)</source>
            <translation>（%1）</translation>
        </message>
        <message>
            <source>(embedded, started in-process)</source>
            <translation>（内置，在程序内启动）</translation>
        </message>
        <message>
            <source>(in-process)</source>
            <translation>（程序内）</translation>
        </message>
        <message>
            <source>(no operator)</source>
            <translation>（无操作员）</translation>
        </message>
        <message>
            <source>(nobody signed in)</source>
            <translation>（无人登录）</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Antom sandbox - not real money</source>
            <translation>Antom 沙箱——非真实资金</translation>
        </message>
        <message>
            <source>By operator:</source>
            <translation>按操作员：</translation>
        </message>
        <message>
            <source>CANCELLED</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>CREATED</source>
            <translation>已创建</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Cur</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>ERROR</source>
            <translation>出错</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>End-of-day report %1 (%2)</source>
            <translation>日结报表 %1（%2）</translation>
        </message>
        <message>
            <source>Environment: %1</source>
            <translation>环境：%1</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>If the phone cannot open the page:</source>
            <translation>如果手机无法打开页面：</translation>
        </message>
        <message>
            <source>MISMATCH: the private key of profile %1 does not belong to this public key; upload the output of 'cashier keys export-public' to the Antom Dashboard, or import the matching private key</source>
            <translation>不匹配：配置 %1 的私钥与这个公钥不是一对；请把 cashier keys export-public 的输出上传到 Antom 控制台，或导入与之匹配的私钥</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>净额</translation>
        </message>
        <message>
            <source>New PIN for %1 (4-12 digits): </source>
            <translation>%1 的新 PIN 码（4-12 位数字）：</translation>
        </message>
        <message>
            <source>Not final</source>
            <translation>未终态</translation>
        </message>
        <message>
            <source>Note: %1 is a loopback address: only this computer can open it, no phone can.</source>
            <translation>注意：%1 是环回地址：只有本机能打开，手机无法访问。</translation>
        </message>
        <message>
            <source>OS keyring (%1)</source>
            <translation>系统密钥环（%1）</translation>
        </message>
        <message>
            <source>Once more: </source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>PENDING</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>PIN for %1: </source>
            <translation>%1 的 PIN 码：</translation>
        </message>
        <message>
            <source>PIN of %1 changed</source>
            <translation>%1 的 PIN 码已修改</translation>
        </message>
        <message>
            <source>Paste the %1, then press Ctrl-D (Ctrl-Z Enter on Windows):</source>
            <translation>请粘贴%1，然后按 Ctrl-D（Windows 上按 Ctrl-Z 再按 Enter）：</translation>
        </message>
        <message>
            <source>Per operator</source>
            <translation>按操作员</translation>
        </message>
        <message>
            <source>Per till</source>
            <translation>按收银台</translation>
        </message>
        <message>
            <source>Per wallet</source>
            <translation>按钱包</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款笔数</translation>
        </message>
        <message>
            <source>SUCCESS</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>交易笔数</translation>
        </message>
        <message>
            <source>Sandbox keys are kept in memory only: they are generated at start and lost when the app quits.</source>
            <translation>沙箱密钥只保存在内存中：启动时生成，程序退出即丢失。</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Store end of day %1 (%2)</source>
            <translation>全店日结 %1（%2）</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>%1 合计</translation>
        </message>
        <message>
            <source>UNKNOWN</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Unsuccessful</source>
            <translation>未成功</translation>
        </message>
        <message>
            <source>Wallet</source>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Wallet pages for phones: %1 (each sale's QR code carries the session token; without it the pages answer 403).</source>
            <translation>手机钱包页面：%1（每笔交易的二维码都带有会话令牌；没有令牌时页面返回 403）。</translation>
        </message>
        <message>
            <source>a passphrase was given but the key is not encrypted. Fix: leave out --passphrase-file</source>
            <translation>给出了口令，但密钥没有加密。解决：去掉 --passphrase-file</translation>
        </message>
        <message>
            <source>a report</source>
            <translation>一份报表</translation>
        </message>
        <message>
            <source>active profile: %1</source>
            <translation>当前配置：%1</translation>
        </message>
        <message>
            <source>ago s</source>
            <translation>距今（秒）</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>an encrypted key file exists at %1 but the OS keyring is in use; choose it with --keystore file</source>
            <translation>%1 有一个加密密钥文件，但正在使用系统密钥环；要使用该文件请加 --keystore file</translation>
        </message>
        <message>
            <source>another cashier process (pid %1) is using profile %2; its unfinished payments are left to it</source>
            <translation>另一个收银台进程（pid %1）正在使用配置 %2；其未完成的支付由它处理</translation>
        </message>
        <message>
            <source>antom-sandbox</source>
            <translation>Antom 沙箱</translation>
        </message>
        <message>
            <source>backlog</source>
            <translation>待同步</translation>
        </message>
        <message>
            <source>cancel failed: %1</source>
            <translation>取消失败：%1</translation>
        </message>
        <message>
            <source>cannot start: %1</source>
            <translation>无法启动：%1</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>收银员</translation>
        </message>
        <message>
            <source>cashier %1: error: %2</source>
            <translation>cashier %1：错误：%2</translation>
        </message>
        <message>
            <source>cashier sandbox: stopped</source>
            <translation>cashier sandbox：已停止</translation>
        </message>
        <message>
            <source>client id</source>
            <translation>客户端 ID</translation>
        </message>
        <message>
            <source>clock</source>
            <translation>时钟</translation>
        </message>
        <message>
            <source>code: %1</source>
            <translation>付款码：%1</translation>
        </message>
        <message>
            <source>copy the whole key again: a 2048-bit private key in base64 is one line of about 1,620 characters (PKCS#8 starts 'MIIEv' or 'MIIEu'), a public key about 392 characters starting 'MIIBIj'</source>
            <translation>重新完整复制密钥：base64 格式的 2048 位私钥是一行约 1,620 个字符（PKCS#8 以“MIIEv”或“MIIEu”开头），公钥约 392 个字符，以“MIIBIj”开头</translation>
        </message>
        <message>
            <source>created profile %1 (%2, %3, client id %4)</source>
            <translation>已创建配置 %1（%2，%3，客户端 ID %4）</translation>
        </message>
        <message>
            <source>currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>deleted every key of profile %1</source>
            <translation>已删除配置 %1 的所有密钥</translation>
        </message>
        <message>
            <source>deleted key version %1 of profile %2</source>
            <translation>已删除配置 %2 的密钥版本 %1</translation>
        </message>
        <message>
            <source>deleted profile %1; active profile: %2</source>
            <translation>已删除配置 %1；当前配置：%2</translation>
        </message>
        <message>
            <source>deleted the gateway public key of profile %1</source>
            <translation>已删除配置 %1 的网关公钥</translation>
        </message>
        <message>
            <source>detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>device file</source>
            <translation>设备文件</translation>
        </message>
        <message>
            <source>embedded demo sandbox - not real money</source>
            <translation>内置演示沙箱——非真实资金</translation>
        </message>
        <message>
            <source>embedded sandbox (in-process)</source>
            <translation>内置沙箱（程序内）</translation>
        </message>
        <message>
            <source>embedded-sandbox</source>
            <translation>内置沙箱</translation>
        </message>
        <message>
            <source>encrypted file (%1)</source>
            <translation>加密文件（%1）</translation>
        </message>
        <message>
            <source>end of day</source>
            <translation>日结</translation>
        </message>
        <message>
            <source>environment</source>
            <translation>环境</translation>
        </message>
        <message>
            <source>expected</source>
            <translation>预期</translation>
        </message>
        <message>
            <source>fingerprint: SHA256 %1</source>
            <translation>指纹：SHA256 %1</translation>
        </message>
        <message>
            <source>gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>gateway key %1…</source>
            <translation>网关密钥 %1…</translation>
        </message>
        <message>
            <source>gateway public key</source>
            <translation>网关公钥</translation>
        </message>
        <message>
            <source>gateway reachable; keys verified (it answered an unknown id with S)</source>
            <translation>网关可以连接；密钥已验证（它对一个不存在的编号应答了 S）</translation>
        </message>
        <message>
            <source>gateway reachable; merchant key accepted; gateway key verified</source>
            <translation>网关可以连接；商户密钥已被接受；网关密钥已验证</translation>
        </message>
        <message>
            <source>generate a new RSA-2048 pair with 'cashier keys generate' and upload its public key</source>
            <translation>用 cashier keys generate 生成新的 RSA-2048 密钥对，并上传其公钥</translation>
        </message>
        <message>
            <source>generated an RSA-2048 key pair for profile %1 (key version %2) in %3</source>
            <translation>已为配置 %1 生成 RSA-2048 密钥对（密钥版本 %2），存于%3</translation>
        </message>
        <message>
            <source>got</source>
            <translation>实际</translation>
        </message>
        <message>
            <source>imported the gateway public key of profile %1</source>
            <translation>已导入配置 %1 的网关公钥</translation>
        </message>
        <message>
            <source>imported the private key of profile %1 (key version %2) into %3</source>
            <translation>已把配置 %1 的私钥（密钥版本 %2）导入%3</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>存于%1</translation>
        </message>
        <message>
            <source>in step with the gateway's Response-Time (within 2 s)</source>
            <translation>与网关的 Response-Time 一致（相差 2 秒以内）</translation>
        </message>
        <message>
            <source>in-process</source>
            <translation>程序内</translation>
        </message>
        <message>
            <source>in-store %1 %2 %3</source>
            <translation>线下 %1 %2 %3</translation>
        </message>
        <message>
            <source>in-store (%1): %2 sale(s), %3 %4</source>
            <translation>线下（%1）：%2 笔交易，%3 %4</translation>
        </message>
        <message>
            <source>journal</source>
            <translation>交易日志</translation>
        </message>
        <message>
            <source>key passphrase</source>
            <translation>密钥口令</translation>
        </message>
        <message>
            <source>key store</source>
            <translation>密钥存储</translation>
        </message>
        <message>
            <source>key version</source>
            <translation>密钥版本</translation>
        </message>
        <message>
            <source>keyring (%1)</source>
            <translation>密钥环（%1）</translation>
        </message>
        <message>
            <source>keys</source>
            <translation>密钥</translation>
        </message>
        <message>
            <source>lag ms</source>
            <translation>延迟（毫秒）</translation>
        </message>
        <message>
            <source>last contact</source>
            <translation>最后联系</translation>
        </message>
        <message>
            <source>log</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>match: the private key of profile %1 (version %2) belongs to this public key</source>
            <translation>匹配：配置 %1 的私钥（版本 %2）与这个公钥是一对</translation>
        </message>
        <message>
            <source>memory (until the app quits)</source>
            <translation>内存（程序退出即清除）</translation>
        </message>
        <message>
            <source>merchant</source>
            <translation>商户</translation>
        </message>
        <message>
            <source>merchant key v%1 %2…</source>
            <translation>商户密钥 v%1 %2…</translation>
        </message>
        <message>
            <source>needs attention: %1 not final (run `cashier recover`)</source>
            <translation>需要处理：%1 笔未终态（请运行 cashier recover）</translation>
        </message>
        <message>
            <source>net</source>
            <translation>净额</translation>
        </message>
        <message>
            <source>network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>new key version %1 for profile %2, not active yet (active: %3); older versions are kept until 'cashier keys delete --key-version N'. Upload the new public key to the Antom Dashboard as key version %1.</source>
            <translation>配置 %2 的新密钥版本 %1，尚未启用（当前使用：%3）；旧版本会一直保留，直到执行 cashier keys delete --key-version N。请把新公钥作为密钥版本 %1 上传到 Antom 控制台。</translation>
        </message>
        <message>
            <source>new key version %1 for profile %2, now active; older versions are kept until 'cashier keys delete --key-version N'. Upload the new public key to the Antom Dashboard as key version %1.</source>
            <translation>配置 %2 的新密钥版本 %1，已启用；旧版本会一直保留，直到执行 cashier keys delete --key-version N。请把新公钥作为密钥版本 %1 上传到 Antom 控制台。</translation>
        </message>
        <message>
            <source>next: cashier keys import --profile %1 --from-file - (or keys generate), then cashier keys import-gateway-key --profile %1 --from-file FILE</source>
            <translation>下一步：cashier keys import --profile %1 --from-file -（或 keys generate），然后 cashier keys import-gateway-key --profile %1 --from-file FILE</translation>
        </message>
        <message>
            <source>no gateway key</source>
            <translation>没有网关密钥</translation>
        </message>
        <message>
            <source>no gateway public key</source>
            <translation>没有网关公钥</translation>
        </message>
        <message>
            <source>no gateway public key is stored. Fix: 'cashier keys import-gateway-key --from-file FILE'</source>
            <translation>没有存储网关公钥。解决：cashier keys import-gateway-key --from-file FILE</translation>
        </message>
        <message>
            <source>no key text was given. Fix: paste or pipe the key</source>
            <translation>没有给出密钥内容。解决：粘贴密钥，或通过管道传入</translation>
        </message>
        <message>
            <source>no merchant key (version %1)</source>
            <translation>没有商户密钥（版本 %1）</translation>
        </message>
        <message>
            <source>no merchant private key is stored. Fix: 'cashier keys generate' or 'cashier keys import'</source>
            <translation>没有存储商户私钥。解决：cashier keys generate 或 cashier keys import</translation>
        </message>
        <message>
            <source>no operators: nobody signs in at this till (add a manager to start)</source>
            <translation>没有操作员：本收银台无需登录（先添加一名经理即可启用）</translation>
        </message>
        <message>
            <source>no payments on this day</source>
            <translation>当天没有支付</translation>
        </message>
        <message>
            <source>no private key for version %1</source>
            <translation>版本 %1 没有私钥</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>提示：%1</translation>
        </message>
        <message>
            <source>note: journal %1 cannot be written (%2); it is shown as it is and nothing is recorded</source>
            <translation>提示：交易日志 %1 无法写入（%2）；按现状显示，不会记录任何内容</translation>
        </message>
        <message>
            <source>note: recovering earlier payments stopped: %1</source>
            <translation>提示：恢复之前的支付时中止：%1</translation>
        </message>
        <message>
            <source>nothing to recover: every payment in the journal is final</source>
            <translation>无需恢复：交易日志中的每笔支付都已是最终状态</translation>
        </message>
        <message>
            <source>notice</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>notify URL</source>
            <translation>通知 URL</translation>
        </message>
        <message>
            <source>notify listener stopped</source>
            <translation>通知监听已停止</translation>
        </message>
        <message>
            <source>ok: profile %1 has a merchant key (version %2) and a distinct gateway public key</source>
            <translation>正常：配置 %1 有商户密钥（版本 %2）和另一把网关公钥</translation>
        </message>
        <message>
            <source>operator %1 added (%2)</source>
            <translation>已添加操作员 %1（%2）</translation>
        </message>
        <message>
            <source>operator %1 removed</source>
            <translation>已删除操作员 %1</translation>
        </message>
        <message>
            <source>order code</source>
            <translation>订单码</translation>
        </message>
        <message>
            <source>payment %1 of profile %2 was made at %3 as client %4, but the profile now uses %5 as %6: only the gateway it was made at can finish it; run cashier recover --gateway %3 --client-id %7 with that merchant's key files</source>
            <translation>配置 %2 的支付 %1 是在 %3 以客户端 %4 发起的，但该配置现在使用 %5 和客户端 %6：只有发起它的网关才能完成它；请用该商户的密钥文件运行 cashier recover --gateway %3 --client-id %7</translation>
        </message>
        <message>
            <source>payments</source>
            <translation>支付笔数</translation>
        </message>
        <message>
            <source>printer set: %1 (%2 mm) in %3</source>
            <translation>打印机已设置：%1（%2 毫米），保存在 %3</translation>
        </message>
        <message>
            <source>printer: %1 (%2 mm, %3 chars) in %4</source>
            <translation>打印机：%1（%2 毫米，每行 %3 个字符），设置保存在 %4</translation>
        </message>
        <message>
            <source>private key</source>
            <translation>私钥</translation>
        </message>
        <message>
            <source>problem: %1</source>
            <translation>问题：%1</translation>
        </message>
        <message>
            <source>production</source>
            <translation>正式环境</translation>
        </message>
        <message>
            <source>profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>profile %1 now signs with key version %2</source>
            <translation>配置 %1 现在用密钥版本 %2 签名</translation>
        </message>
        <message>
            <source>public key</source>
            <translation>公钥</translation>
        </message>
        <message>
            <source>public key (paste into the Antom Dashboard):</source>
            <translation>公钥（粘贴到 Antom 控制台）：</translation>
        </message>
        <message>
            <source>receipt of %1 sent to the printer</source>
            <translation>%1 的小票已发送到打印机</translation>
        </message>
        <message>
            <source>receipt of %1 written to %2</source>
            <translation>%1 的小票已写入 %2</translation>
        </message>
        <message>
            <source>recovered %1: %2</source>
            <translation>已恢复 %1：%2</translation>
        </message>
        <message>
            <source>recovery of profile %1 stopped: %2</source>
            <translation>配置 %1 的恢复中止：%2</translation>
        </message>
        <message>
            <source>refund %1</source>
            <translation>退款 %1</translation>
        </message>
        <message>
            <source>refund %1 of </source>
            <translation>退款 %1，原支付 </translation>
        </message>
        <message>
            <source>refund %1 of #%2</source>
            <translation>退款 %1（第 %2 步）</translation>
        </message>
        <message>
            <source>refund %1: %2 %3 of %4 refundRequestId=%5 refundId=%6</source>
            <translation>退款%1：%2 %3，原支付 %4 refundRequestId=%5 refundId=%6</translation>
        </message>
        <message>
            <source>refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>restored %1 from %2 (the damaged file is kept as %3.damaged); active profile: %4</source>
            <translation>已用 %2 恢复 %1（损坏的文件保留为 %3.damaged）；当前配置：%4</translation>
        </message>
        <message>
            <source>result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>sale %1 %2 %3</source>
            <translation>交易 %1 %2 %3</translation>
        </message>
        <message>
            <source>sale of step %1 was not paid</source>
            <translation>第 %1 步的交易未付款</translation>
        </message>
        <message>
            <source>sales</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>saved profile %1 (%2, %3, client id %4)</source>
            <translation>已保存配置 %1（%2，%3，客户端 ID %4）</translation>
        </message>
        <message>
            <source>scanned code</source>
            <translation>扫码</translation>
        </message>
        <message>
            <source>scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>serial port</source>
            <translation>串口</translation>
        </message>
        <message>
            <source>show the customer the order code: %1</source>
            <translation>请向顾客出示订单码：%1</translation>
        </message>
        <message>
            <source>simulate %1 failed: %2</source>
            <translation>模拟 %1 失败：%2</translation>
        </message>
        <message>
            <source>skipped %1 payment(s) of profile %2 (not the gateway given)</source>
            <translation>跳过配置 %2 的 %1 笔支付（不是所给的网关）</translation>
        </message>
        <message>
            <source>skipped %1 payment(s) of profile %2 (not the profile given)</source>
            <translation>跳过配置 %2 的 %1 笔支付（不是所给的配置）</translation>
        </message>
        <message>
            <source>skipped %1 payment(s) of profile %2, made at %3 (not the gateway given)</source>
            <translation>跳过配置 %2 在 %3 发起的 %1 笔支付（不是所给的网关）</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>store %1; this till: %2</source>
            <translation>门店 %1；本收银台：%2</translation>
        </message>
        <message>
            <source>test slip sent</source>
            <translation>测试小票已发送</translation>
        </message>
        <message>
            <source>the gateway did not answer in time: %1</source>
            <translation>网关没有及时应答：%1</translation>
        </message>
        <message>
            <source>the gateway does not know this client id: check the profile's client id and environment (SANDBOX_ ids need the sandbox)</source>
            <translation>网关不认识此客户端 ID：请检查配置的客户端 ID 和环境（SANDBOX_ 开头的编号需要沙箱环境）</translation>
        </message>
        <message>
            <source>the gateway has no public key for this client id and key version: upload the merchant public key in the Antom Dashboard, or check the profile's key version</source>
            <translation>网关没有此客户端 ID 和密钥版本的公钥：请在 Antom 控制台上传商户公钥，或检查配置的密钥版本</translation>
        </message>
        <message>
            <source>the gateway is unreachable: %1</source>
            <translation>无法连接网关：%1</translation>
        </message>
        <message>
            <source>the gateway refuses this client id access to inquiryPayment</source>
            <translation>网关拒绝此客户端 ID 调用 inquiryPayment</translation>
        </message>
        <message>
            <source>the gateway rejects our signature: the public key registered in the Antom Dashboard is not this profile's merchant key (export it with 'cashier keys export-public' and upload it)</source>
            <translation>网关拒绝了我们的签名：Antom 控制台中登记的公钥不是此配置的商户密钥（用 cashier keys export-public 导出并上传）</translation>
        </message>
        <message>
            <source>the gateway says this client id is not active</source>
            <translation>网关表示此客户端 ID 未启用</translation>
        </message>
        <message>
            <source>the gateway's answer does not verify with this profile's gateway public key (was the merchant's own public key imported as the gateway key?): %1</source>
            <translation>网关的应答无法用此配置的网关公钥验签（是否把商户自己的公钥当作网关密钥导入了？）：%1</translation>
        </message>
        <message>
            <source>the gateway's answer is not Antom's: %1</source>
            <translation>网关的应答不是 Antom 格式：%1</translation>
        </message>
        <message>
            <source>the input is binary (DER?), not PEM or base64 text. Fix: convert it: 'openssl pkey -inform DER -in key.der' (private) or 'openssl pkey -pubin -inform DER -in key.der' (public)</source>
            <translation>输入是二进制内容（DER？），不是 PEM 或 base64 文本。解决：先转换：'openssl pkey -inform DER -in key.der'（私钥）或 'openssl pkey -pubin -inform DER -in key.der'（公钥）</translation>
        </message>
        <message>
            <source>the input is far larger than a key. Fix: give the key file itself, not an archive or a keystore</source>
            <translation>输入远大于一把密钥。解决：请直接提供密钥文件本身，而不是压缩包或密钥库</translation>
        </message>
        <message>
            <source>the key is cut short: the paste was truncated. Fix: %1</source>
            <translation>密钥不完整：粘贴的内容被截断了。解决：%1</translation>
        </message>
        <message>
            <source>the passphrase does not open this encrypted private key. Fix: check the passphrase file</source>
            <translation>该口令无法打开这把加密的私钥。解决：检查口令文件</translation>
        </message>
        <message>
            <source>the private key is encrypted. Fix: give its passphrase with --passphrase-file FILE</source>
            <translation>私钥已加密。解决：用 --passphrase-file FILE 提供其口令</translation>
        </message>
        <message>
            <source>the store has operators named %1 already: theirs are kept, this till's are replaced by them</source>
            <translation>门店已有名为 %1 的操作员：保留门店的账户，本收银台的同名账户被替换</translation>
        </message>
        <message>
            <source>the store server cannot be reached (%1): these are this till's copy of the store's operators</source>
            <translation>门店服务器无法连接，以下是本收银台保存的门店操作员副本（%1）</translation>
        </message>
        <message>
            <source>the stored gateway key is your own merchant public key. Fix: %1</source>
            <translation>存储的网关密钥是您自己的商户公钥。解决：%1</translation>
        </message>
        <message>
            <source>this is a PKCS#1 'RSA PUBLIC KEY'; Antom uses X.509 SubjectPublicKeyInfo ('PUBLIC KEY', base64 'MIIBIj...'). Fix: convert it: 'openssl rsa -RSAPublicKey_in -in key.pem -pubout'</source>
            <translation>这是 PKCS#1 格式的“RSA PUBLIC KEY”；Antom 使用 X.509 SubjectPublicKeyInfo（“PUBLIC KEY”，base64 以“MIIBIj...”开头）。解决：先转换：'openssl rsa -RSAPublicKey_in -in key.pem -pubout'</translation>
        </message>
        <message>
            <source>this is a PRIVATE key where a public key belongs. Fix: never paste a private key here; %1</source>
            <translation>这里需要公钥，给出的却是私钥。解决：切勿在这里粘贴私钥；%1</translation>
        </message>
        <message>
            <source>this is a certificate, not a private key. Fix: export the private key itself (e.g. 'openssl pkcs12 -nocerts')</source>
            <translation>这是证书，不是私钥。解决：导出私钥本身（例如 'openssl pkcs12 -nocerts'）</translation>
        </message>
        <message>
            <source>this is a certificate, not a public key. Fix: extract the key: 'openssl x509 -in cert.pem -pubkey -noout'</source>
            <translation>这是证书，不是公钥。解决：提取其中的密钥：'openssl x509 -in cert.pem -pubkey -noout'</translation>
        </message>
        <message>
            <source>this is a public key; the merchant *private* key is needed here. Fix: use the private key you generated (or that the Antom Dashboard showed once when it generated your pair); public keys go to the Dashboard or to 'cashier keys import-gateway-key'</source>
            <translation>这是公钥；这里需要的是商户私钥。解决：使用您生成的私钥（或 Antom 控制台生成密钥对时只显示一次的私钥）；公钥应上传到控制台，或用 cashier keys import-gateway-key 导入</translation>
        </message>
        <message>
            <source>this is your own merchant public key (it matches your private key), not the gateway's. Fix: %1</source>
            <translation>这是您自己的商户公钥（与您的私钥是一对），不是网关的公钥。解决：%1</translation>
        </message>
        <message>
            <source>this machine is %1 s ahead of the gateway's Response-Time</source>
            <translation>本机时钟比网关的 Response-Time 快 %1 秒</translation>
        </message>
        <message>
            <source>this machine is %1 s behind the gateway's Response-Time</source>
            <translation>本机时钟比网关的 Response-Time 慢 %1 秒</translation>
        </message>
        <message>
            <source>till</source>
            <translation>收银台</translation>
        </message>
        <message>
            <source>time</source>
            <translation>耗时</translation>
        </message>
        <message>
            <source>unavailable: %1</source>
            <translation>不可用：%1</translation>
        </message>
        <message>
            <source>unexpected answer %1: %2</source>
            <translation>意外的应答 %1：%2</translation>
        </message>
        <message>
            <source>use the *Antom* (gateway) public key: the Antom Dashboard shows it next to your own public key, labelled as Antom's; for a standalone 'cashier sandbox' it is the 'gateway_public_key' it prints at start</source>
            <translation>请使用 Antom（网关）的公钥：Antom 控制台把它显示在您自己的公钥旁边，标注为 Antom 的公钥；独立运行的 cashier sandbox 则是它启动时输出的 gateway_public_key</translation>
        </message>
        <message>
            <source>versions</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>waiting for the customer to confirm in the wallet</source>
            <translation>等待顾客在钱包中确认</translation>
        </message>
        <message>
            <source>waiting for the customer; wallet page: %1</source>
            <translation>等待顾客支付；钱包页面：%1</translation>
        </message>
        <message>
            <source>wallets</source>
            <translation>钱包</translation>
        </message>
        <message>
            <source>warning: --allow-remote: the sandbox will listen on %1:%2, beyond this machine, over plain HTTP with no authentication. Anyone who can reach it can approve, decline or expire payments (/sandbox/payments/&lt;paymentId&gt;/...), make wallet payment codes, turn on auto-pay (/sandbox/autopay), inject faults (/sandbox/faults), register merchant keys, and see every payment's details on its wallet pages. Use it only on a network you trust, never with real money.</source>
            <translation>警告：--allow-remote：沙箱将在 %1:%2 上监听，本机以外也能访问，使用明文 HTTP 且没有任何认证。任何能访问它的人都可以批准、拒绝支付或让支付过期（/sandbox/payments/&lt;paymentId&gt;/...）、生成钱包付款码、开启自动付款（/sandbox/autopay）、注入故障（/sandbox/faults）、登记商户密钥，并在钱包页面上看到每笔支付的详情。只能在可信的网络中使用，切勿用于真实资金。</translation>
        </message>
    </context>
    <context>
        <name>CliHelp</name>
        <message>
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <source>--headless: print the results as JSON</source>
            <translation>配合 --headless：以 JSON 输出结果</translation>
        </message>
        <message>
            <source>Alipay+ PaymentService.pay (page or in place)</source>
            <translation>Alipay+ PaymentService.pay（跳转页面或原地完成）</translation>
        </message>
        <message>
            <source>AlipayHK cashier.wap.pay signed envelope</source>
            <translation>AlipayHK cashier.wap.pay 签名报文</translation>
        </message>
        <message>
            <source>AlipayHK merchantId (alipayhk dialect); in-store: referenceMerchantId</source>
            <translation>AlipayHK 商户 merchantId（alipayhk 接口）；线下：referenceMerchantId</translation>
        </message>
        <message>
            <source>Create one payment, wait for its final state and print the outcome. Without --gateway the embedded sandbox is started in-process. Exit status 0 only when the payment succeeded.</source>
            <translation>发起一笔支付，等到它的最终状态并输出结果。不指定 --gateway 时在程序内启动内置沙箱。只有支付成功时退出状态才为 0。</translation>
        </message>
        <message>
            <source>Desktop cashier for Alipay and Alipay+ wallets (Antom gateway), with an embedded sandbox.</source>
            <translation>面向支付宝和 Alipay+ 钱包的桌面收银台（Antom 网关），内置沙箱。</translation>
        </message>
        <message>
            <source>GUI language: en or zh_CN (default: the system's)</source>
            <translation>界面语言：en 或 zh_CN（默认：系统语言）</translation>
        </message>
        <message>
            <source>HOST:PORT to listen on</source>
            <translation>监听的 HOST:PORT</translation>
        </message>
        <message>
            <source>Headless runs of the seed systems against the profile's gateway (the embedded sandbox by default). Amounts are integer minor units, as Payment Kit's PaymentInfo.amount. Output is JSON.</source>
            <translation>在配置的网关（默认是内置沙箱）上无界面地运行各原始系统。金额为最小货币单位的整数，与 Payment Kit 的 PaymentInfo.amount 相同。输出为 JSON。</translation>
        </message>
        <message>
            <source>IANA time zone of the day, e.g. Asia/Hong_Kong (default: this machine's)</source>
            <translation>这一天所用的 IANA 时区，例如 Asia/Hong_Kong（默认：本机时区）</translation>
        </message>
        <message>
            <source>IANA zone of the store's business day (default: this machine's, else UTC)</source>
            <translation>门店营业日所用的 IANA 时区（默认：本机时区，否则为 UTC）</translation>
        </message>
        <message>
            <source>ISO 4217 code, e.g. HKD</source>
            <translation>ISO 4217 币种代码，例如 HKD</translation>
        </message>
        <message>
            <source>List the payments in the local journal, newest first. Needs no gateway. --json prints the same fields as `cashier pay --json`.</source>
            <translation>列出本地交易日志中的支付，最新的在前。不需要网关。--json 输出的字段与 cashier pay --json 相同。</translation>
        </message>
        <message>
            <source>Named, parameterised sandbox scenarios (wallet outcomes, late or duplicate notifications, latency, 5xx, resets, timeouts, bad signatures, ...).</source>
            <translation>有名称、可带参数的沙箱场景（钱包结果、延迟或重复的通知、延时、5xx、连接重置、超时、错误签名……）。</translation>
        </message>
        <message>
            <source>Open the cashier window. With no profile it uses the active one; on first start that is the embedded sandbox, which needs no account.</source>
            <translation>打开收银台窗口。不指定配置时使用当前配置；首次启动时就是内置沙箱，不需要账户。</translation>
        </message>
        <message>
            <source>PDF layout: an 80 mm thermal roll (default) or an A4 page</source>
            <translation>PDF 版式：80 毫米热敏卷纸（默认）或 A4 纸</translation>
        </message>
        <message>
            <source>Play a demo file (TOML: sales, refunds, end of day, each with a caption and optionally a sandbox scenario). In the GUI the captions show on a banner at a readable pace (Space pauses, Right or Enter goes on); --headless runs it through the service layer and prints a pass/fail table (exit 1 on a failure).</source>
            <translation>播放演示文件（TOML：交易、退款、日结，每一步带说明，可选沙箱场景）。在窗口中，说明以便于阅读的节奏显示在横幅上（空格键暂停，→ 或 Enter 继续）；--headless 通过服务层运行并输出通过/失败表（有失败时退出状态为 1）。</translation>
        </message>
        <message>
            <source>PostgreSQL connection string</source>
            <translation>PostgreSQL 连接字符串</translation>
        </message>
        <message>
            <source>PostgreSQL connection string (an owner's)</source>
            <translation>PostgreSQL 连接字符串（所有者的）</translation>
        </message>
        <message>
            <source>Re-inquire every non-final payment (and unsettled refund) in the journal and drive it to a final state: paid, failed, expired or cancelled at the gateway. With gateway options only that merchant's payments are recovered; without, each payment's recorded profile is used. Prints one line per payment.</source>
            <translation>重新查询交易日志中每一笔未终态的支付（以及未完成的退款），并把它推进到最终状态：在网关已支付、失败、已过期或已取消。给出网关选项时只恢复该商户的支付；不给出时使用每笔支付记录的配置。每笔支付输出一行。</translation>
        </message>
        <message>
            <source>Refund a successful payment (the whole rest, or --amount). Refused, with nothing sent, for an unknown payment, a payment that did not succeed, or more than is left to refund. Without gateway options the payment's recorded profile is used. Exit 0 only when the refund succeeded.</source>
            <translation>为一笔成功的支付退款（剩余全部金额，或 --amount 指定的金额）。支付不存在、支付未成功或金额超过可退余额时拒绝，不发送任何内容。不给出网关选项时使用该支付记录的配置。只有退款成功时退出状态才为 0。</translation>
        </message>
        <message>
            <source>Serve the Antom-compatible sandbox gateway and wallet simulator until interrupted. The first output line is JSON with url and gateway_public_key.</source>
            <translation>运行兼容 Antom 的沙箱网关和钱包模拟器，直到被中断。输出的第一行是 JSON，含 url 和 gateway_public_key。</translation>
        </message>
        <message>
            <source>Store mode: every till keeps its own journal and replicates it to the store's PostgreSQL; the store's end of day adds up every till.</source>
            <translation>门店模式：每个收银台保留自己的交易日志，并同步到门店的 PostgreSQL；门店日结汇总所有收银台。</translation>
        </message>
        <message>
            <source>TCP port (default: any free port)</source>
            <translation>TCP 端口（默认：任一空闲端口）</translation>
        </message>
        <message>
            <source>The receipt printer of this installation (USB, serial, network or a device file; 58 or 80 mm paper). 'cashier receipt ID --escpos' prints to it.</source>
            <translation>本收银台的小票打印机（USB、串口、网络或设备文件；58 或 80 毫米纸）。cashier receipt ID --escpos 打印到这台打印机。</translation>
        </message>
        <message>
            <source>Totals for one local day by wallet and currency: sales, refunds, net and counts, with payments that are not final flagged. Printed as a table; --csv and --pdf also write files.</source>
            <translation>某一本地日期按钱包和币种汇总：交易额、退款、净额和笔数，并标出未终态的支付。以表格输出；--csv 和 --pdf 还会写入文件。</translation>
        </message>
        <message>
            <source>URL path (default /notify)</source>
            <translation>URL 路径（默认 /notify）</translation>
        </message>
        <message>
            <source>Write the receipt of a journaled payment (or of one of its refunds): merchant, amount, wallet, paymentId, time, status and, for Alipay+ wallets, the Alipay+ mark.</source>
            <translation>生成交易日志中一笔支付（或其某笔退款）的小票：商户、金额、钱包、paymentId、时间、状态，Alipay+ 钱包另有 Alipay+ 标志。</translation>
        </message>
        <message>
            <source>``cashier completion bash|zsh|fish``: a shell completion script, made from the parser.

The script is generated from the same argparse tree ``cashier --help`` shows, so a new sub-command or option completes as soon as it exists. Install, for example:

    cashier completion bash &gt; ~/.local/share/bash-completion/completions/cashier
    cashier completion zsh  &gt; "${fpath[1]}/_cashier"        # or: source &lt;(cashier completion zsh)
    cashier completion fish &gt; ~/.config/fish/completions/cashier.fish</source>
            <translation>cashier completion bash|zsh|fish：输出 shell 补全脚本。

脚本由 cashier --help 所显示的同一套命令行定义生成，因此新的子命令或选项一出现就能补全。安装示例：

    cashier completion bash &gt; ~/.local/share/bash-completion/completions/cashier
    cashier completion zsh  &gt; "${fpath[1]}/_cashier"        # 或：source &lt;(cashier completion zsh)
    cashier completion fish &gt; ~/.config/fish/completions/cashier.fish</translation>
        </message>
        <message>
            <source>``cashier doctor``: is this till ready to take payments? A checklist, one line per check.

The log file (where it is), journal (opens, schema, unfinished payments), profile, key store and keys (present, the classic mistakes), and the gateway: one harmless signed ``inquiryPayment`` for an id that cannot exist proves it is reachable, accepts our merchant key, and signs with the gateway key we hold (checkout/probe.py). Exit status 0 only when every check passed.</source>
            <translation>cashier doctor：这台收银台可以收款了吗？一张检查清单，每项检查一行。

检查日志文件（在哪里）、交易日志（能否打开、结构版本、未完成的支付）、配置、密钥存储和密钥（是否齐全、常见错误），以及网关：对一个不可能存在的编号发送一次无害的签名 inquiryPayment，证明网关可以连接、接受我们的商户密钥，并且用我们持有的网关密钥签名。只有每项检查都通过时退出状态才为 0。</translation>
        </message>
        <message>
            <source>``cashier keys``: generate, import, export, fingerprint, check, rotate and delete keys.

Secrets are read only from a file or from standard input (``--from-file FILE`` or ``--from-file -``), never from an argument, so they stay out of shell history and the process list. Output never contains private key material: commands print public keys and SHA-256 fingerprints only.

Where keys go: the OS keyring when a secure one is available; otherwise (or with ``--keystore file``) an encrypted file ``keys.enc`` in the data directory, whose passphrase comes from ``--keystore-passphrase-file FILE`` or ``$CASHIER_KEYSTORE_PASSPHRASE_FILE``. ``$CASHIER_KEYSTORE`` (auto | keyring | file) sets the default choice.</source>
            <translation>cashier keys：生成、导入、导出、查看指纹、检查、轮换和删除密钥。

机密内容只从文件或标准输入读取（--from-file FILE 或 --from-file -），从不作为参数给出，因此不会出现在 shell 历史和进程列表中。输出从不包含私钥内容：命令只输出公钥和 SHA-256 指纹。

密钥存放在哪里：有安全的系统密钥环时存入系统密钥环；否则（或使用 --keystore file 时）存入数据目录中的加密文件 keys.enc，其口令来自 --keystore-passphrase-file FILE 或 $CASHIER_KEYSTORE_PASSPHRASE_FILE。$CASHIER_KEYSTORE（auto | keyring | file）设定默认选择。</translation>
        </message>
        <message>
            <source>``cashier operator``: the till's operator accounts (PIN sign-in, roles cashier / manager).

With no operators the till works as it always has: nobody signs in. The first account must be a manager; from then on a sale needs someone signed in, and refunds, the cancel of a paid payment and changes of profiles, keys or operators need a manager's PIN. Every change after the first account is approved by a manager (--operator and their PIN).

In store mode (``cashier store join``) these are the store's accounts, one set for every till, changed only while the store server answers; ``list`` then says when it shows this till's copy of them because the server cannot be reached.

A PIN is never an argument: it is typed at a prompt without echo, or read from $CASHIER_NEW_PIN (the new account's PIN) and $CASHIER_PIN (the approving manager's).</source>
            <translation>cashier operator：收银台的操作员账户（PIN 码登录，角色为收银员 / 经理）。

没有操作员时，收银台照常工作：无需登录。第一个账户必须是经理；此后交易需要有人登录，退款、取消已付款的支付以及修改配置、密钥或操作员需要经理的 PIN 码。第一个账户之后的每项修改都要由经理批准（--operator 及其 PIN 码）。

在门店模式下（cashier store join），这些是门店的账户，所有收银台共用一套，只有门店服务器有应答时才能修改；无法连接服务器时，list 会说明它显示的是本收银台保存的副本。

PIN 码从不作为参数给出：在不回显的提示符下输入，或从 $CASHIER_NEW_PIN（新账户的 PIN 码）和 $CASHIER_PIN（批准的经理的 PIN 码）读取。</translation>
        </message>
        <message>
            <source>``cashier profile``: list, show, create, use and delete merchant profiles.

A profile holds an account's non-secret settings (environment, gateway, client id, key version, wallets, currency). Its keys are managed with ``cashier keys --profile NAME``. Gateway presets: na, na-legacy, asia, asia-legacy, europe, europe-instore, or any https URL (plain http only to this machine, e.g. a standalone ``cashier sandbox``).</source>
            <translation>cashier profile：列出、查看、创建、启用和删除商户配置。

配置保存一个账户的非机密设置（环境、网关、客户端 ID、密钥版本、钱包、币种）。其密钥用 cashier keys --profile NAME 管理。网关预设：na、na-legacy、asia、asia-legacy、europe、europe-instore，或任何 https 地址（明文 http 只能指向本机，例如独立运行的 cashier sandbox）。</translation>
        </message>
        <message>
            <source>a name from `cashier scenario list`</source>
            <translation>cashier scenario list 列出的名称之一</translation>
        </message>
        <message>
            <source>a store of many tills on a shared PostgreSQL (init, join, status, report)</source>
            <translation>多个收银台共用一个 PostgreSQL 的门店（init、join、status、report）</translation>
        </message>
        <message>
            <source>add an operator (the first one must be a manager)</source>
            <translation>添加操作员（第一个必须是经理）</translation>
        </message>
        <message>
            <source>address to listen on (loopback only unless --allow-remote)</source>
            <translation>监听地址（除非给出 --allow-remote，否则只能是环回地址）</translation>
        </message>
        <message>
            <source>allow a non-loopback --host (the control endpoints are unauthenticated plain HTTP: use only on a trusted network)</source>
            <translation>允许非环回地址的 --host（控制接口是未经认证的明文 HTTP：只能在可信网络中使用）</translation>
        </message>
        <message>
            <source>allow deleting the active version</source>
            <translation>允许删除当前使用的版本</translation>
        </message>
        <message>
            <source>also delete the profile's keys from the key store</source>
            <translation>同时从密钥存储中删除该配置的密钥</translation>
        </message>
        <message>
            <source>also serve the wallet pages for a real phone on this computer's address on the phone's network (e.g. 192.168.1.20, or 192.168.1.20:8124 for a fixed port); the QR codes then point there and carry a per-session token (pages and control routes there refuse requests without it); the API stays on --host</source>
            <translation>另外在本机位于手机所在网络的地址上提供钱包页面，供真手机使用（例如 192.168.1.20，或固定端口 192.168.1.20:8124）；二维码随后指向该地址并带有每次会话的令牌（那里的页面和控制接口拒绝不带令牌的请求）；API 仍在 --host 上</translation>
        </message>
        <message>
            <source>amount as typed, e.g. 12.30</source>
            <translation>按输入的金额，例如 12.30</translation>
        </message>
        <message>
            <source>amount to refund, e.g. 5.00 (default: all that is left)</source>
            <translation>退款金额，例如 5.00（默认：剩余全部）</translation>
        </message>
        <message>
            <source>answer refunds U / REFUND_IN_PROCESS and settle them SECONDS later (notifyRefund to refundNotifyUrl), as asynchronous methods do</source>
            <translation>像异步支付方式那样，对退款应答 U / REFUND_IN_PROCESS，并在 SECONDS 秒后完成（向 refundNotifyUrl 发送 notifyRefund）</translation>
        </message>
        <message>
            <source>at most N payments (100)</source>
            <translation>最多 N 笔支付（100）</translation>
        </message>
        <message>
            <source>base64 = bare SPKI, the Antom Dashboard's form (default); pem</source>
            <translation>base64 = 裸 SPKI，即 Antom 控制台使用的格式（默认）；或 pem</translation>
        </message>
        <message>
            <source>cashierPicker: list the wallets offered</source>
            <translation>cashierPicker：列出提供的钱包</translation>
        </message>
        <message>
            <source>check that the private key matches a public key (with --from-file), or diagnose the stored keys</source>
            <translation>检查私钥是否与某个公钥匹配（配合 --from-file），或诊断已存储的密钥</translation>
        </message>
        <message>
            <source>check the journal, profile, keys and gateway before taking payments</source>
            <translation>收款前检查交易日志、配置、密钥和网关</translation>
        </message>
        <message>
            <source>check this installation offscreen (window, embedded sandbox, key store, one signed payment, translations) and exit</source>
            <translation>在后台自检本安装（窗口、内置沙箱、密钥存储、一笔签名支付、翻译）后退出</translation>
        </message>
        <message>
            <source>complete in place (poll)</source>
            <translation>原地完成（轮询）</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>create (or with --replace update) a profile</source>
            <translation>创建配置（或配合 --replace 更新配置）</translation>
        </message>
        <message>
            <source>create or migrate the store schema</source>
            <translation>创建或升级门店数据库结构</translation>
        </message>
        <message>
            <source>default: the active profile</source>
            <translation>默认：当前配置</translation>
        </message>
        <message>
            <source>default: the profile's key version</source>
            <translation>默认：配置的密钥版本</translation>
        </message>
        <message>
            <source>delete a profile (and, with --delete-keys, its keys)</source>
            <translation>删除配置（配合 --delete-keys 同时删除其密钥）</translation>
        </message>
        <message>
            <source>delete every key of the profile</source>
            <translation>删除该配置的所有密钥</translation>
        </message>
        <message>
            <source>delete keys (cannot be undone)</source>
            <translation>删除密钥（无法撤销）</translation>
        </message>
        <message>
            <source>delete the gateway public key</source>
            <translation>删除网关公钥</translation>
        </message>
        <message>
            <source>delete this merchant key version</source>
            <translation>删除这个版本的商户密钥</translation>
        </message>
        <message>
            <source>demo: the customer declines by itself SECONDS (0-600) after each payment is created (also GET/POST/DELETE &lt;url&gt;/sandbox/autopay)</source>
            <translation>演示：每笔支付创建 SECONDS 秒（0-600）后，顾客自动拒绝（也可用 GET/POST/DELETE &lt;url&gt;/sandbox/autopay）</translation>
        </message>
        <message>
            <source>demo: the customer lets the code expire by itself SECONDS (0-600) after each payment is created (also GET/POST/DELETE &lt;url&gt;/sandbox/autopay)</source>
            <translation>演示：每笔支付创建 SECONDS 秒（0-600）后，顾客自动让码过期（也可用 GET/POST/DELETE &lt;url&gt;/sandbox/autopay）</translation>
        </message>
        <message>
            <source>demo: the customer pays by itself SECONDS (0-600) after each payment is created (also GET/POST/DELETE &lt;url&gt;/sandbox/autopay)</source>
            <translation>演示：每笔支付创建 SECONDS 秒（0-600）后，顾客自动付款（也可用 GET/POST/DELETE &lt;url&gt;/sandbox/autopay）</translation>
        </message>
        <message>
            <source>divide Antom's notification retry schedule (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h) by FACTOR, e.g. 3600 for demos (default 1: real time)</source>
            <translation>把 Antom 的通知重试时间表（0 秒、2 分钟、10 分钟、10 分钟、1 小时、2 小时、6 小时、15 小时）除以 FACTOR，演示时例如 3600（默认 1：真实时间）</translation>
        </message>
        <message>
            <source>drop the active scenario (its faults and its customer)</source>
            <translation>清除当前场景（其故障和模拟的顾客）</translation>
        </message>
        <message>
            <source>e.g. /dev/ttyUSB0</source>
            <translation>例如 /dev/ttyUSB0</translation>
        </message>
        <message>
            <source>e.g. /dev/usb/lp0</source>
            <translation>例如 /dev/usb/lp0</translation>
        </message>
        <message>
            <source>e.g. 0x04b8:0x0e15</source>
            <translation>例如 0x04b8:0x0e15</translation>
        </message>
        <message>
            <source>each till, its last contact and replication lag</source>
            <translation>每个收银台、最后联系时间和同步延迟</translation>
        </message>
        <message>
            <source>end-of-day totals by wallet and currency (CSV/PDF export)</source>
            <translation>按钱包和币种汇总的日结（可导出 CSV/PDF）</translation>
        </message>
        <message>
            <source>exercise Payment Kit, the Alipay+ SPI and the AlipayHK envelope</source>
            <translation>试用 Payment Kit、Alipay+ SPI 和 AlipayHK 报文</translation>
        </message>
        <message>
            <source>extraInfo selectPayType, e.g. 'ALIPAY_HK|ali_pay'</source>
            <translation>extraInfo 的 selectPayType，例如 'ALIPAY_HK|ali_pay'</translation>
        </message>
        <message>
            <source>finish payments left unfinished by a crash or network drop</source>
            <translation>完成因崩溃或断网而未完成的支付</translation>
        </message>
        <message>
            <source>from this local day on</source>
            <translation>从这个本地日期起</translation>
        </message>
        <message>
            <source>generate an RSA-2048 key pair and print its public key for the Antom Dashboard</source>
            <translation>生成 RSA-2048 密钥对，并输出其公钥供 Antom 控制台使用</translation>
        </message>
        <message>
            <source>generate the next key version and make it active; older versions are kept until deleted</source>
            <translation>生成下一个密钥版本并启用；旧版本保留到被删除为止</translation>
        </message>
        <message>
            <source>give up (and cancel) after S seconds</source>
            <translation>S 秒后放弃（并取消）</translation>
        </message>
        <message>
            <source>give up after S seconds</source>
            <translation>S 秒后放弃</translation>
        </message>
        <message>
            <source>import the gateway (Antom) public key that verifies responses and notifications</source>
            <translation>导入用于验签应答和通知的网关（Antom）公钥</translation>
        </message>
        <message>
            <source>import the merchant private key (PEM PKCS#1/PKCS#8, encrypted PEM, or the bare base64 the Antom Dashboard shows)</source>
            <translation>导入商户私钥（PEM PKCS#1/PKCS#8、加密的 PEM，或 Antom 控制台显示的裸 base64）</translation>
        </message>
        <message>
            <source>in-store store details</source>
            <translation>线下门店信息</translation>
        </message>
        <message>
            <source>in-store: merchantMCC (4 digits)</source>
            <translation>线下：merchantMCC（4 位数字）</translation>
        </message>
        <message>
            <source>in-store: scan the customer's code (default) or show an order code</source>
            <translation>线下：扫描顾客的付款码（默认）或出示订单码</translation>
        </message>
        <message>
            <source>in-store: store referenceStoreId</source>
            <translation>线下：门店 referenceStoreId</translation>
        </message>
        <message>
            <source>in-store: storeMCC (4 digits)</source>
            <translation>线下：storeMCC（4 位数字）</translation>
        </message>
        <message>
            <source>in-store: storeName</source>
            <translation>线下：门店名称 storeName</translation>
        </message>
        <message>
            <source>in-store: storeTerminalId of this till</source>
            <translation>线下：本收银台的 storeTerminalId</translation>
        </message>
        <message>
            <source>in-store: the customer's payment code as scanned; '-' reads it from standard input (keeps it out of the process list)</source>
            <translation>线下：扫描到的顾客付款码；'-' 表示从标准输入读取（不出现在进程列表中）</translation>
        </message>
        <message>
            <source>interface language for this run: en or zh_CN (default: the one chosen in Setup &gt; Language, else the system's)</source>
            <translation>本次运行的界面语言：en 或 zh_CN（默认：在“设置 &gt; 语言”中选择的语言，否则为系统语言）</translation>
        </message>
        <message>
            <source>keep payments and refunds in this SQLite file, so a restarted sandbox answers inquiries, cancels, refunds and repeated pays as before (refuses to start if the file is unusable)</source>
            <translation>把支付和退款保存在这个 SQLite 文件中，使重启后的沙箱对查询、取消、退款和重复支付的应答与之前相同（文件不可用时拒绝启动）</translation>
        </message>
        <message>
            <source>keep pushing until interrupted (a till's link)</source>
            <translation>持续推送直到被中断（收银台的同步连接）</translation>
        </message>
        <message>
            <source>keep using the current version until 'cashier keys activate'</source>
            <translation>在执行 cashier keys activate 之前继续使用当前版本</translation>
        </message>
        <message>
            <source>key store</source>
            <translation>密钥存储</translation>
        </message>
        <message>
            <source>key version (default 1)</source>
            <translation>密钥版本（默认 1）</translation>
        </message>
        <message>
            <source>keyVersion of the merchant key</source>
            <translation>商户密钥的 keyVersion</translation>
        </message>
        <message>
            <source>language of messages: en or zh_CN (default: Setup → Language, else LANG / LC_ALL)</source>
            <translation>提示信息的语言：en 或 zh_CN（默认：“设置 → 语言”，否则为 LANG / LC_ALL）</translation>
        </message>
        <message>
            <source>leave payments still waiting for the customer open instead of cancelling them</source>
            <translation>仍在等待顾客的支付保持未完成，不取消</translation>
        </message>
        <message>
            <source>leave the keys in the key store</source>
            <translation>把密钥留在密钥存储中</translation>
        </message>
        <message>
            <source>lift an operator's lock-out now</source>
            <translation>立即解除操作员的锁定</translation>
        </message>
        <message>
            <source>link this installation to a store as a till</source>
            <translation>把本安装作为收银台加入门店</translation>
        </message>
        <message>
            <source>list journaled payments, newest first</source>
            <translation>列出交易日志中的支付，最新的在前</translation>
        </message>
        <message>
            <source>list operators (and who is locked out)</source>
            <translation>列出操作员（以及谁被锁定）</translation>
        </message>
        <message>
            <source>list profiles (* = active)</source>
            <translation>列出配置（* = 当前配置）</translation>
        </message>
        <message>
            <source>list the sandbox's named scenarios, set or clear one on a running sandbox</source>
            <translation>列出沙箱的场景，或在运行中的沙箱上设置或清除场景</translation>
        </message>
        <message>
            <source>log everything (DEBUG) to the console as well as the log file</source>
            <translation>把所有日志（DEBUG）同时输出到控制台和日志文件</translation>
        </message>
        <message>
            <source>make a profile the active one</source>
            <translation>把一个配置设为当前配置</translation>
        </message>
        <message>
            <source>make a stored key version the one requests are signed with (after the Antom Dashboard has its public key)</source>
            <translation>把已存储的某个密钥版本设为请求签名所用的版本（在 Antom 控制台已有其公钥之后）</translation>
        </message>
        <message>
            <source>make an operator a cashier or a manager</source>
            <translation>把操作员设为收银员或经理</translation>
        </message>
        <message>
            <source>make it the active profile</source>
            <translation>设为当前配置</translation>
        </message>
        <message>
            <source>manage merchant and gateway keys of a profile</source>
            <translation>管理配置的商户密钥和网关密钥</translation>
        </message>
        <message>
            <source>manage merchant profiles</source>
            <translation>管理商户配置</translation>
        </message>
        <message>
            <source>merchant client id (without --profile)</source>
            <translation>商户的客户端 ID（不使用 --profile 时）</translation>
        </message>
        <message>
            <source>merchant client id at that gateway</source>
            <translation>商户在该网关的客户端 ID</translation>
        </message>
        <message>
            <source>merchant name (default: the active profile's)</source>
            <translation>商户名称（默认：当前配置的）</translation>
        </message>
        <message>
            <source>merchant name on the PDF (default: the active profile's)</source>
            <translation>PDF 上的商户名称（默认：当前配置的）</translation>
        </message>
        <message>
            <source>merchant private key (PEM/base64)</source>
            <translation>商户私钥（PEM/base64）</translation>
        </message>
        <message>
            <source>merchant profile (its gateway key)</source>
            <translation>商户配置（用其网关密钥）</translation>
        </message>
        <message>
            <source>merchant profile to use (default: the active profile)</source>
            <translation>要使用的商户配置（默认：当前配置）</translation>
        </message>
        <message>
            <source>merchantMCC (4 digits)</source>
            <translation>merchantMCC（4 位数字）</translation>
        </message>
        <message>
            <source>merchantName</source>
            <translation>商户名称 merchantName</translation>
        </message>
        <message>
            <source>minor units, e.g. 1230</source>
            <translation>最小货币单位，例如 1230</translation>
        </message>
        <message>
            <source>network printer host (raw port 9100)</source>
            <translation>网络打印机的主机（原始端口 9100）</translation>
        </message>
        <message>
            <source>no window: print a pass/fail table</source>
            <translation>不打开窗口：输出通过/失败表</translation>
        </message>
        <message>
            <source>online Checkout Payment (default) or In-store payments</source>
            <translation>线上收银台支付（默认）或线下支付</translation>
        </message>
        <message>
            <source>online Checkout Payment or In-store (default: the profile's)</source>
            <translation>线上收银台支付或线下支付（默认：配置的）</translation>
        </message>
        <message>
            <source>only these statuses (comma-separated), of CREATED, PENDING, SUCCESS, FAILED, CANCELLED, EXPIRED, UNKNOWN</source>
            <translation>只列出这些状态（用逗号分隔），可选 CREATED、PENDING、SUCCESS、FAILED、CANCELLED、EXPIRED、UNKNOWN</translation>
        </message>
        <message>
            <source>only this paymentMethodType, e.g. GCASH</source>
            <translation>只列出这种 paymentMethodType，例如 GCASH</translation>
        </message>
        <message>
            <source>open the cashier window (default)</source>
            <translation>打开收银台窗口（默认）</translation>
        </message>
        <message>
            <source>operator accounts: PIN sign-in, cashier and manager roles</source>
            <translation>操作员账户：PIN 码登录，收银员和经理角色</translation>
        </message>
        <message>
            <source>orderTitle</source>
            <translation>订单标题 orderTitle</translation>
        </message>
        <message>
            <source>overwrite an existing key version</source>
            <translation>覆盖已有的密钥版本</translation>
        </message>
        <message>
            <source>paper width in mm: 58 or 80</source>
            <translation>纸宽（毫米）：58 或 80</translation>
        </message>
        <message>
            <source>parameters, e.g. status=502 count=3</source>
            <translation>参数，例如 status=502 count=3</translation>
        </message>
        <message>
            <source>part of a paymentRequestId, paymentId, order id or summary</source>
            <translation>paymentRequestId、paymentId、订单号或摘要的一部分</translation>
        </message>
        <message>
            <source>passphrase of an encrypted PEM key (first line of FILE)</source>
            <translation>加密 PEM 密钥的口令（FILE 的第一行）</translation>
        </message>
        <message>
            <source>passphrase of the encrypted key file (first line of FILE); default: $CASHIER_KEYSTORE_PASSPHRASE_FILE</source>
            <translation>加密密钥文件的口令（FILE 的第一行）；默认：$CASHIER_KEYSTORE_PASSPHRASE_FILE</translation>
        </message>
        <message>
            <source>payer's action (sandbox)</source>
            <translation>付款人的操作（沙箱）</translation>
        </message>
        <message>
            <source>paymentExpiryTime when pay gives none, in seconds (default: each method's from Antom's table, 14 minutes for every wallet here)</source>
            <translation>pay 请求未给出 paymentExpiryTime 时所用的秒数（默认：按 Antom 表中每种支付方式的值，这里的每个钱包都是 14 分钟）</translation>
        </message>
        <message>
            <source>paymentMethodType, e.g. ALIPAY_HK (in-store with a scanned code: optional, the code names the wallet)</source>
            <translation>paymentMethodType，例如 ALIPAY_HK（线下扫码时可省略：付款码本身指明钱包）</translation>
        </message>
        <message>
            <source>paymentMethodTypes to offer (default: all that accept the currency)</source>
            <translation>提供的 paymentMethodType（默认：所有接受该币种的钱包）</translation>
        </message>
        <message>
            <source>paymentNotifyUrl (optional)</source>
            <translation>paymentNotifyUrl（可选）</translation>
        </message>
        <message>
            <source>picker -&gt; start_payment -&gt; requestPayment, one sale</source>
            <translation>picker -&gt; start_payment -&gt; requestPayment，一笔交易</translation>
        </message>
        <message>
            <source>play a scripted demo (GUI, or --headless for a pass/fail table)</source>
            <translation>播放脚本演示（窗口，或用 --headless 输出通过/失败表）</translation>
        </message>
        <message>
            <source>play scenario NAME on a running sandbox (replaces the active one)</source>
            <translation>在运行中的沙箱上播放场景 NAME（替换当前场景）</translation>
        </message>
        <message>
            <source>play the payer on a sandbox: approve/decline/expire after the payment is created; in-store, draw the customer's code from the sandbox, playing pay, confirm_then_pay, confirm_then_decline, balance, expired or unknown</source>
            <translation>在沙箱上扮演付款人：支付创建后 approve/decline/expire；线下时从沙箱取一个顾客付款码，扮演 pay、confirm_then_pay、confirm_then_decline、balance、expired 或 unknown</translation>
        </message>
        <message>
            <source>print JSON</source>
            <translation>输出 JSON</translation>
        </message>
        <message>
            <source>print a JSON array</source>
            <translation>输出 JSON 数组</translation>
        </message>
        <message>
            <source>print a shell completion script</source>
            <translation>输出 shell 补全脚本</translation>
        </message>
        <message>
            <source>print a test slip with a QR code</source>
            <translation>打印一张带二维码的测试小票</translation>
        </message>
        <message>
            <source>print every scenario, one per line</source>
            <translation>列出所有场景，每行一个</translation>
        </message>
        <message>
            <source>print it on this till's ESC/POS printer (see 'cashier printer')</source>
            <translation>用本收银台的 ESC/POS 打印机打印（见 cashier printer）</translation>
        </message>
        <message>
            <source>print the active scenario of a running sandbox as JSON</source>
            <translation>以 JSON 输出运行中沙箱的当前场景</translation>
        </message>
        <message>
            <source>print the catalog as JSON</source>
            <translation>以 JSON 输出场景目录</translation>
        </message>
        <message>
            <source>print the checks as JSON</source>
            <translation>以 JSON 输出检查结果</translation>
        </message>
        <message>
            <source>print the merchant public key</source>
            <translation>输出商户公钥</translation>
        </message>
        <message>
            <source>print the outcome as JSON</source>
            <translation>以 JSON 输出结果</translation>
        </message>
        <message>
            <source>print the receipt as plain text</source>
            <translation>以纯文本输出小票</translation>
        </message>
        <message>
            <source>print the refund as JSON</source>
            <translation>以 JSON 输出退款</translation>
        </message>
        <message>
            <source>print the result-code tables</source>
            <translation>输出结果码对照表</translation>
        </message>
        <message>
            <source>print the setting</source>
            <translation>输出当前设置</translation>
        </message>
        <message>
            <source>print the totals as JSON</source>
            <translation>以 JSON 输出汇总</translation>
        </message>
        <message>
            <source>print the version and exit</source>
            <translation>显示版本并退出</translation>
        </message>
        <message>
            <source>print the wall time of each phase (stderr; with --json also as timings_ms)</source>
            <translation>输出每个阶段的耗时（输出到标准错误输出；配合 --json 时也写入 timings_ms）</translation>
        </message>
        <message>
            <source>production, antom-sandbox (SANDBOX_ client id) or embedded-sandbox</source>
            <translation>production（正式环境）、antom-sandbox（Antom 沙箱，SANDBOX_ 开头的客户端 ID）或 embedded-sandbox（内置沙箱）</translation>
        </message>
        <message>
            <source>profile to use (default: the active profile)</source>
            <translation>要使用的配置（默认：当前配置）</translation>
        </message>
        <message>
            <source>public key to compare with (FILE, or '-' for standard input)</source>
            <translation>用来比对的公钥（FILE，或 '-' 表示标准输入）</translation>
        </message>
        <message>
            <source>push this till's journal changes to the store now</source>
            <translation>立即把本收银台交易日志的变更推送到门店</translation>
        </message>
        <message>
            <source>read the key from FILE, or from standard input with '-'</source>
            <translation>从 FILE 读取密钥，或用 '-' 从标准输入读取</translation>
        </message>
        <message>
            <source>referenceMerchantId</source>
            <translation>商户参考编号 referenceMerchantId</translation>
        </message>
        <message>
            <source>refund all or part of a successful payment</source>
            <translation>为一笔成功的支付全额或部分退款</translation>
        </message>
        <message>
            <source>refund reason (&lt;= 256 chars)</source>
            <translation>退款原因（最多 256 个字符）</translation>
        </message>
        <message>
            <source>refuse requests whose Request-Time is further than SECONDS from this machine's clock (default: off)</source>
            <translation>拒绝 Request-Time 与本机时钟相差超过 SECONDS 秒的请求（默认：关闭）</translation>
        </message>
        <message>
            <source>region preset (na, na-legacy, asia, asia-legacy, europe, europe-instore) or base URL</source>
            <translation>区域预设（na、na-legacy、asia、asia-legacy、europe、europe-instore）或基础 URL</translation>
        </message>
        <message>
            <source>register a merchant's public key (PEM or bare base64 SPKI) under its client id; repeatable</source>
            <translation>以客户端 ID 登记商户的公钥（PEM 或裸 base64 SPKI）；可重复给出</translation>
        </message>
        <message>
            <source>remove an operator</source>
            <translation>删除操作员</translation>
        </message>
        <message>
            <source>replace a damaged profiles file with its previous good version (profiles.json.bak)</source>
            <translation>用上一个完好的版本（profiles.json.bak）替换已损坏的配置文件</translation>
        </message>
        <message>
            <source>requestPayment(orderStr, payload)</source>
            <translation>调用 requestPayment(orderStr, payload)</translation>
        </message>
        <message>
            <source>run one payment headless and print its outcome</source>
            <translation>无界面地完成一笔支付并输出结果</translation>
        </message>
        <message>
            <source>save a payment's receipt as PDF (or print it as text)</source>
            <translation>把一笔支付的小票保存为 PDF（或以文本输出）</translation>
        </message>
        <message>
            <source>save the setting (checked first; nothing half-saved)</source>
            <translation>保存设置（先检查；不会只保存一半）</translation>
        </message>
        <message>
            <source>seconds to wait</source>
            <translation>等待的秒数</translation>
        </message>
        <message>
            <source>serve the embedded sandbox gateway (prints one JSON line)</source>
            <translation>运行内置沙箱网关（输出一行 JSON）</translation>
        </message>
        <message>
            <source>set an operator's new PIN (also unlocks)</source>
            <translation>设置操作员的新 PIN 码（同时解锁）</translation>
        </message>
        <message>
            <source>show SHA-256 fingerprints of the merchant and gateway keys</source>
            <translation>显示商户密钥和网关密钥的 SHA-256 指纹</translation>
        </message>
        <message>
            <source>show a profile and its key fingerprints</source>
            <translation>显示配置及其密钥指纹</translation>
        </message>
        <message>
            <source>show, set or test the till's ESC/POS receipt printer</source>
            <translation>查看、设置或测试收银台的 ESC/POS 小票打印机</translation>
        </message>
        <message>
            <source>shown on the cashier and receipts</source>
            <translation>显示在收银台和小票上</translation>
        </message>
        <message>
            <source>sign answers in N worker processes, for load tests (default: one per core when there are several; 0: on the server's threads)</source>
            <translation>在 N 个工作进程中为应答签名，用于压力测试（默认：有多个核心时每个核心一个；0：在服务器线程上签名）</translation>
        </message>
        <message>
            <source>skip the N newest first</source>
            <translation>跳过最新的 N 笔</translation>
        </message>
        <message>
            <source>standalone gateway base URL (https, or http on loopback)</source>
            <translation>独立网关的基础 URL（https，或环回地址上的 http）</translation>
        </message>
        <message>
            <source>store referenceStoreId</source>
            <translation>门店 referenceStoreId</translation>
        </message>
        <message>
            <source>storeMCC (4 digits)</source>
            <translation>storeMCC（4 位数字）</translation>
        </message>
        <message>
            <source>storeName</source>
            <translation>门店名称 storeName</translation>
        </message>
        <message>
            <source>storeTerminalId of this till</source>
            <translation>本收银台的 storeTerminalId</translation>
        </message>
        <message>
            <source>take Antom's notifications for every till, into the store</source>
            <translation>为所有收银台接收 Antom 的通知，写入门店</translation>
        </message>
        <message>
            <source>the Antom Dashboard's client id</source>
            <translation>Antom 控制台中的客户端 ID</translation>
        </message>
        <message>
            <source>the day (default: today)</source>
            <translation>日期（默认：今天）</translation>
        </message>
        <message>
            <source>the demo file, or the name of an example: stakeholder_tour, qa_regression</source>
            <translation>演示文件，或示例的名称：stakeholder_tour、qa_regression</translation>
        </message>
        <message>
            <source>the gateway's public key (PEM/base64)</source>
            <translation>网关公钥（PEM/base64）</translation>
        </message>
        <message>
            <source>the manager who approves, when --operator is a cashier (PIN: prompt, or $CASHIER_MANAGER_PIN)</source>
            <translation>当 --operator 是收银员时，批准的经理（PIN 码：在提示符下输入，或 $CASHIER_MANAGER_PIN）</translation>
        </message>
        <message>
            <source>the payment's paymentRequestId (or the gateway's paymentId)</source>
            <translation>支付的 paymentRequestId（或网关的 paymentId）</translation>
        </message>
        <message>
            <source>the printer has no cutter</source>
            <translation>打印机没有切纸刀</translation>
        </message>
        <message>
            <source>the profile to check (default: active)</source>
            <translation>要检查的配置（默认：当前配置）</translation>
        </message>
        <message>
            <source>the receipt of this refund instead of the sale</source>
            <translation>这笔退款的小票，而不是交易的小票</translation>
        </message>
        <message>
            <source>the sandbox's url, as `cashier sandbox` printed it (default: $CASHIER_SANDBOX_URL)</source>
            <translation>沙箱的 url，即 cashier sandbox 输出的那个（默认：$CASHIER_SANDBOX_URL）</translation>
        </message>
        <message>
            <source>the shell to complete in</source>
            <translation>要补全的 shell</translation>
        </message>
        <message>
            <source>the whole store's end of day</source>
            <translation>全店日结</translation>
        </message>
        <message>
            <source>this till's id (default: generated)</source>
            <translation>本收银台的编号（默认：自动生成）</translation>
        </message>
        <message>
            <source>time zone of the day (default: the store's)</source>
            <translation>这一天所用的时区（默认：门店的）</translation>
        </message>
        <message>
            <source>trade summary / order description</source>
            <translation>交易摘要 / 订单说明</translation>
        </message>
        <message>
            <source>tradeSummary</source>
            <translation>交易摘要 tradeSummary</translation>
        </message>
        <message>
            <source>up to and including this local day</source>
            <translation>到这个本地日期为止（含当天）</translation>
        </message>
        <message>
            <source>update an existing profile</source>
            <translation>更新已有的配置</translation>
        </message>
        <message>
            <source>use a saved merchant profile</source>
            <translation>使用已保存的商户配置</translation>
        </message>
        <message>
            <source>use this gateway key (PEM/base64) instead of a fresh one, so the gateway public key stays the same across runs</source>
            <translation>使用这个网关密钥（PEM/base64）而不是新生成的，使网关公钥在多次运行之间保持不变</translation>
        </message>
        <message>
            <source>wallet, e.g. ALIPAY_HK</source>
            <translation>钱包，例如 ALIPAY_HK</translation>
        </message>
        <message>
            <source>what Antom's in-store pay asks for; default: the profile's (the embedded sandbox has demo values)</source>
            <translation>Antom 线下支付所需的信息；默认：配置中的（内置沙箱有演示值）</translation>
        </message>
        <message>
            <source>where keys live: the OS keyring, the encrypted key file, or auto (keyring first; default: $CASHIER_KEYSTORE or auto)</source>
            <translation>密钥存放位置：系统密钥环 keyring、加密密钥文件 file，或 auto（优先系统密钥环；默认：$CASHIER_KEYSTORE 或 auto）</translation>
        </message>
        <message>
            <source>who runs this, once operators are set up (PIN: prompt, or $CASHIER_PIN)</source>
            <translation>设置了操作员后，由谁执行（PIN 码：在提示符下输入，或 $CASHIER_PIN）</translation>
        </message>
        <message>
            <source>wire dialect at that gateway: antom (AMS v1, default) or alipayhk (pay with the AlipayHK envelope)</source>
            <translation>该网关的接口：antom（AMS v1，默认）或 alipayhk（用 AlipayHK 报文支付）</translation>
        </message>
        <message>
            <source>wire dialect: antom (AMS v1, default) or alipayhk (legacy envelope alipay.intl.acquiring.cashier.wap.pay; HKD, AlipayHK only)</source>
            <translation>接口：antom（AMS v1，默认）或 alipayhk（旧版报文 alipay.intl.acquiring.cashier.wap.pay；仅 HKD 和 AlipayHK）</translation>
        </message>
        <message>
            <source>with --follow: the merchant profile</source>
            <translation>配合 --follow：商户配置</translation>
        </message>
        <message>
            <source>write the receipt as PDF</source>
            <translation>把小票写成 PDF</translation>
        </message>
        <message>
            <source>write the report as CSV</source>
            <translation>把报表写成 CSV</translation>
        </message>
        <message>
            <source>write the report as PDF</source>
            <translation>把报表写成 PDF</translation>
        </message>
        <message>
            <source>{"nextAction":"L","linkUrl":...}</source>
            <translation>形如 {"nextAction":"L","linkUrl":...} 的 JSON</translation>
        </message>
    </context>
    <context>
        <name>CloseGuard</name>
        <message>
            <source>A payment is waiting</source>
            <translation>有一笔支付正在等待</translation>
        </message>
        <message>
            <source>The customer may be paying %1 right now.

Keep waiting, cancel the payment and quit, or quit now and show the same code again at the next start (until it expires).</source>
            <translation>顾客可能正在支付 %1。

您可以继续等待、取消支付并退出，或者现在退出，下次启动时再次显示同一个付款码（在其过期之前）。</translation>
        </message>
        <message>
            <source>The customer may be confirming %1 in the wallet right now.

Keep waiting, cancel the payment and quit, or quit now: at the next start the till waits for the customer again until the payment's time is up (then cancels it if it was not paid).</source>
            <translation>顾客可能正在钱包中确认支付 %1。

您可以继续等待、取消支付并退出，或者现在退出：下次启动时收银台会继续等待顾客，直到这笔支付的时限结束（未支付则取消）。</translation>
        </message>
        <message>
            <source>Keep waiting</source>
            <translation>继续等待</translation>
        </message>
        <message>
            <source>Cancel payment and quit</source>
            <translation>取消支付并退出</translation>
        </message>
        <message>
            <source>Quit, resume later</source>
            <translation>退出，稍后继续</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Could not cancel: %1</source>
            <translation>无法取消：%1</translation>
        </message>
    </context>
    <context>
        <name>CountdownLabel</name>
        <message>
            <source>Expires in %1</source>
            <extracomment>"%1" is the time left; None: "Expires in %1" (translated)</extracomment>
            <translation>%1 后过期</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <extracomment>Reports kept in one open dialog; a loop of the same error (a paint event, say) is counted, not shown again.</extracomment>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>The cashier hit an unexpected error. Payments already taken are safe in the journal; an unfinished one is checked again at the next start. The report below holds no keys or passphrases: copy it for support. It is also in the log.</source>
            <translation>收银台遇到意外错误。已完成的支付安全保存在交易日志中；未完成的支付会在下次启动时重新核对。下面的报告不含任何密钥或口令，可复制给技术支持。报告也已写入日志。</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>CustomerDisplay</name>
        <message>
            <source>Customer display</source>
            <translation>顾客显示屏</translation>
        </message>
        <message>
            <source>Welcome</source>
            <extracomment>in-store, U: the time the customer has left to confirm in the wallet</extracomment>
            <translation>欢迎光临</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Paying with %1</source>
            <translation>使用%1支付</translation>
        </message>
        <message>
            <source>Choose how you would like to pay</source>
            <translation>请选择支付方式</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>This code has expired</source>
            <translation>二维码已过期</translation>
        </message>
        <message>
            <source>Scan with %1 to pay</source>
            <translation>请使用%1扫码支付</translation>
        </message>
        <message>
            <source>Please present your payment code to the cashier</source>
            <translation>请向收银员出示您的付款码</translation>
        </message>
        <message>
            <source>Please confirm the payment in your wallet</source>
            <translation>请在钱包中确认付款</translation>
        </message>
        <message>
            <source>%1 left</source>
            <translation>剩余 %1</translation>
        </message>
        <message>
            <source>One moment, please…</source>
            <translation>请稍候…</translation>
        </message>
        <message>
            <source>Thank you!</source>
            <translation>谢谢惠顾！</translation>
        </message>
    </context>
    <context>
        <name>DelayChooser</name>
        <message>
            <source>at once</source>
            <translation>立即</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
    </context>
    <context>
        <name>DemoPlayer</name>
        <message>
            <source>Demo: %1 — starting…</source>
            <extracomment>show title_zh / caption_zh what a timer or a key runs next a newer schedule or a skip voids older timers step number -&gt; settled PaymentRecord the History page, once a refund step opened it what the banner says, as plain text (tests, logs)</extracomment>
            <translation>演示：%1 —— 正在开始…</translation>
        </message>
        <message>
            <source>Paused — Space: go on</source>
            <translation>已暂停 —— 空格键：继续</translation>
        </message>
        <message>
            <source>Press → to go on · Space: pause</source>
            <translation>按 → 继续 · 空格键：暂停</translation>
        </message>
        <message>
            <source>Space: pause · →: next</source>
            <translation>空格键：暂停 · →：下一步</translation>
        </message>
        <message>
            <source>%1 · step %2 of %3</source>
            <translation>%1 · 第 %2 步，共 %3 步</translation>
        </message>
        <message>
            <source>This demo needs the embedded sandbox.</source>
            <translation>此演示需要内置沙箱。</translation>
        </message>
        <message>
            <source>Demo finished: %1 of %2 steps as expected.</source>
            <translation>演示结束：%2 步中有 %1 步符合预期。</translation>
        </message>
        <message>
            <source>✓ %1, as expected</source>
            <translation>✓ %1，符合预期</translation>
        </message>
        <message>
            <source>✗ %1 (expected %2)</source>
            <translation>✗ %1（预期 %2）</translation>
        </message>
        <message>
            <source>✗ no final state in time</source>
            <translation>✗ 未能及时得到最终状态</translation>
        </message>
        <message>
            <source>✗ its sale was not paid</source>
            <translation>✗ 对应的交易未支付</translation>
        </message>
        <message>
            <source>✗ %1</source>
            <translation>✗ %1</translation>
        </message>
    </context>
    <context>
        <name>Event</name>
        <message>
            <source>journaled</source>
            <extracomment>Named so that pyside6-lupdate finds the texts.</extracomment>
            <translation>已记账</translation>
        </message>
        <message>
            <source>request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>answer</source>
            <translation>应答</translation>
        </message>
        <message>
            <source>inquiry</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>sent again</source>
            <translation>重新发送</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>notification</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>recovery</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>ignored</source>
            <translation>已忽略</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>refund state</source>
            <translation>退款状态</translation>
        </message>
        <message>
            <source>cancelled, not verified</source>
            <translation>已取消，未验签</translation>
        </message>
        <message>
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>wallet</source>
            <translation>钱包</translation>
        </message>
        <message>
            <source>expires</source>
            <translation>过期时间</translation>
        </message>
        <message>
            <source>API</source>
            <translation>接口</translation>
        </message>
        <message>
            <source>resent</source>
            <translation>重发</translation>
        </message>
        <message>
            <source>attempt</source>
            <translation>尝试</translation>
        </message>
        <message>
            <source>HTTP status</source>
            <translation>HTTP 状态码</translation>
        </message>
        <message>
            <source>signature verified</source>
            <translation>验签通过</translation>
        </message>
        <message>
            <source>sent at</source>
            <translation>发送时间</translation>
        </message>
        <message>
            <source>answered at</source>
            <translation>应答时间</translation>
        </message>
        <message>
            <source>from</source>
            <translation>原状态</translation>
        </message>
        <message>
            <source>to</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>result code</source>
            <translation>结果码</translation>
        </message>
        <message>
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>by</source>
            <translation>查询依据</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>notification type</source>
            <translation>通知类型</translation>
        </message>
        <message>
            <source>gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>refund request id</source>
            <translation>退款请求单号</translation>
        </message>
        <message>
            <source>may arrive until</source>
            <translation>可能到达的截止时间</translation>
        </message>
        <message>
            <source>result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>cancelled at</source>
            <translation>取消时间</translation>
        </message>
        <message>
            <source>unverified inquiries</source>
            <translation>未验签的查询</translation>
        </message>
        <message>
            <source>type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>message</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>payment code</source>
            <translation>付款码</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>expiry</source>
            <translation>过期</translation>
        </message>
        <message>
            <source>time is up</source>
            <translation>时间已到</translation>
        </message>
        <message>
            <source>payment id</source>
            <translation>支付单号</translation>
        </message>
        <message>
            <source>request id</source>
            <translation>请求单号</translation>
        </message>
        <message>
            <source>not verified</source>
            <translation>未验签</translation>
        </message>
        <message>
            <source>the gateway has no record of the payment</source>
            <translation>网关没有这笔支付的记录</translation>
        </message>
        <message>
            <source>no verified payment code yet</source>
            <translation>尚无经验签的付款码</translation>
        </message>
    </context>
    <context>
        <name>ExchangeLogModel</name>
        <message>
            <source>Time</source>
            <extracomment>set by each subclass</extracomment>
            <translation>时间</translation>
        </message>
        <message>
            <source>API</source>
            <translation>接口</translation>
        </message>
        <message>
            <source>HTTP</source>
            <translation>HTTP</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>已验签</translation>
        </message>
        <message>
            <source>Attempt</source>
            <translation>尝试</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>毫秒</translation>
        </message>
    </context>
    <context>
        <name>FaultPanel</name>
        <message>
            <source>Fault injection works only with the embedded sandbox or a sandbox on this computer (a loopback http:// gateway).</source>
            <extracomment>a SimulatorClient for the sandbox, or None</extracomment>
            <translation>故障注入仅适用于内置沙箱或本机沙箱（回环 http:// 网关）。</translation>
        </message>
        <message>
            <source>Latency</source>
            <extracomment>Kinds with a "seconds" parameter (entered in milliseconds). Named so that pyside6-lupdate finds the texts (context "FaultPanel", as the panel's tr).</extracomment>
            <translation>延迟</translation>
        </message>
        <message>
            <source>Asynchronous refund (U / REFUND_IN_PROCESS)</source>
            <translation>异步退款（U / REFUND_IN_PROCESS）</translation>
        </message>
        <message>
            <source>Skewed Response-Time</source>
            <translation>Response-Time 时钟偏差</translation>
        </message>
        <message>
            <source> (%1 ms)</source>
            <translation>（%1 毫秒）</translation>
        </message>
        <message>
            <source> (HTTP %1)</source>
            <translation>（HTTP %1）</translation>
        </message>
        <message>
            <source> (%1)</source>
            <translation>（%1）</translation>
        </message>
        <message>
            <source> (%1 s)</source>
            <translation>（%1 秒）</translation>
        </message>
        <message>
            <source>Clock skew</source>
            <translation>时钟偏差</translation>
        </message>
        <message>
            <source>HTTP error (5xx)</source>
            <translation>HTTP 错误（5xx）</translation>
        </message>
        <message>
            <source>Connection reset</source>
            <translation>连接重置</translation>
        </message>
        <message>
            <source>Bad response signature</source>
            <translation>响应签名错误</translation>
        </message>
        <message>
            <source>Forced U / UNKNOWN_EXCEPTION</source>
            <translation>强制 U / UNKNOWN_EXCEPTION</translation>
        </message>
        <message>
            <source>Rate limited (U / REQUEST_TRAFFIC_EXCEED_LIMIT)</source>
            <translation>限流（U / REQUEST_TRAFFIC_EXCEED_LIMIT）</translation>
        </message>
        <message>
            <source>Timeout (never answered)</source>
            <translation>超时（始终不应答）</translation>
        </message>
        <message>
            <source>Malformed JSON answer</source>
            <translation>应答 JSON 格式错误</translation>
        </message>
        <message>
            <source>Duplicate notification</source>
            <translation>重复通知</translation>
        </message>
        <message>
            <source>Late notification</source>
            <translation>延迟通知</translation>
        </message>
        <message>
            <source>one bit flipped</source>
            <translation>翻转一位</translation>
        </message>
        <message>
            <source>signature missing</source>
            <translation>缺少签名</translation>
        </message>
        <message>
            <source>signed with another key</source>
            <translation>用其他密钥签名</translation>
        </message>
        <message>
            <source>body changed after signing</source>
            <translation>签名后篡改报文</translation>
        </message>
        <message>
            <source>Response-Time changed after signing</source>
            <translation>签名后修改 Response-Time</translation>
        </message>
        <message>
            <source>all APIs</source>
            <translation>全部接口</translation>
        </message>
        <message>
            <source>notifications</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>until cleared</source>
            <translation>直到清除</translation>
        </message>
        <message>
            <source>%1 left</source>
            <translation>剩余 %1 次</translation>
        </message>
        <message>
            <source>All APIs</source>
            <translation>全部接口</translation>
        </message>
        <message>
            <source>Until cleared</source>
            <translation>直到清除</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>API</source>
            <translation>接口</translation>
        </message>
        <message>
            <source>Next N</source>
            <translation>接下来 N 次</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>延迟</translation>
        </message>
        <message>
            <source>HTTP status</source>
            <translation>HTTP 状态</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Add fault</source>
            <translation>添加故障</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>全部清除</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Active faults</source>
            <translation>生效中的故障</translation>
        </message>
        <message>
            <source>Added.</source>
            <translation>已添加。</translation>
        </message>
        <message>
            <source>All faults cleared.</source>
            <translation>已清除全部故障。</translation>
        </message>
        <message>
            <source>Talking to the sandbox…</source>
            <translation>正在与沙箱通信…</translation>
        </message>
        <message>
            <source>No active faults</source>
            <translation>没有生效的故障</translation>
        </message>
        <message>
            <source>Sandbox: %1</source>
            <translation>沙箱：%1</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>All dates</source>
            <extracomment>Typing pauses this long before the search runs (one query per pause, not per key).</extracomment>
            <translation>全部日期</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Date range</source>
            <translation>日期范围</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Sales with a refund: fully or partly refunded, or a refund pending</source>
            <translation>有退款的交易：全额或部分退款，或退款处理中</translation>
        </message>
        <message>
            <source>All wallets</source>
            <translation>全部钱包</translation>
        </message>
        <message>
            <source>Search ids, reference, summary</source>
            <translation>搜索单号、订单号、摘要</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>This till</source>
            <extracomment>Room beside a column's widest sample text: the style's text margins (8 px) and a little air. 28 made the columns up to Status too wide for the list beside the details at 1024. Statuses an operator may still cancel: nobody has paid yet, as far as we know. the journal changed while the page was hidden the payment to select again once the list has reloaded</extracomment>
            <translation>本收银台</translation>
        </message>
        <message>
            <source>Whole store</source>
            <translation>全店</translation>
        </message>
        <message>
            <source>Re-inquire</source>
            <translation>重新查询</translation>
        </message>
        <message>
            <source>Cancel payment</source>
            <translation>取消支付</translation>
        </message>
        <message>
            <source>Refund…</source>
            <translation>退款…</translation>
        </message>
        <message>
            <source>Print receipt…</source>
            <translation>打印小票…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <source>The whole store cannot be shown now. “This till” still shows this till's own sales.</source>
            <translation>现在无法显示全店数据。“本收银台”仍可查看本收银台自己的交易。</translation>
        </message>
        <message numerus="yes">
            <source>%n payment(s) loaded</source>
            <translation>
                <numerusform>已加载 %n 笔支付</numerusform>
            </translation>
        </message>
        <message>
            <source>Showing %1 of %2</source>
            <translation>显示 %1 / 共 %2 笔</translation>
        </message>
        <message>
            <source>Taken at till %1.</source>
            <translation>由收银台 %1 收款。</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <source>Re-inquired: %1</source>
            <translation>已重新查询：%1</translation>
        </message>
        <message>
            <source>Cancel the payment of %1? The customer will not be able to pay it any more.</source>
            <translation>取消 %1 的支付？顾客将无法再完成这笔支付。</translation>
        </message>
        <message>
            <source>Cancel answered: %1</source>
            <translation>取消结果：%1</translation>
        </message>
        <message>
            <source>A manager's PIN is needed to cancel the paid payment of %1.</source>
            <translation>取消已支付的 %1 需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>A manager's PIN is needed to refund %1.</source>
            <translation>退款 %1 需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>Refund: %1</source>
            <translation>退款：%1</translation>
        </message>
        <message>
            <source>Only a successful payment can be refunded.</source>
            <translation>只有支付成功的交易才能退款。</translation>
        </message>
        <message>
            <source>This payment has been refunded in full.</source>
            <translation>这笔支付已全额退款。</translation>
        </message>
        <message>
            <source>The refund must be in %1.</source>
            <translation>退款币种必须是 %1。</translation>
        </message>
        <message>
            <source>The refund is more than what is left to refund (%1).</source>
            <translation>退款金额超过了剩余可退金额（%1）。</translation>
        </message>
    </context>
    <context>
        <name>InStore</name>
        <message>
            <source>The payment code is invalid or has expired. Ask the customer to refresh it and scan again.</source>
            <extracomment>Named so that pyside6-lupdate finds the texts.</extracomment>
            <translation>付款码无效或已过期，请顾客刷新付款码后重新扫码。</translation>
        </message>
        <message>
            <source>The customer's wallet balance is not enough.</source>
            <translation>顾客钱包余额不足。</translation>
        </message>
        <message>
            <source>The wallet's risk control refused this payment.</source>
            <translation>钱包风控拒绝了这笔支付。</translation>
        </message>
        <message>
            <source>The payment is over the customer's wallet limit.</source>
            <translation>支付金额超出顾客钱包的限额。</translation>
        </message>
        <message>
            <source>The customer declined the payment in the wallet.</source>
            <translation>顾客在钱包中拒绝了这笔支付。</translation>
        </message>
        <message>
            <source>This wallet cannot pay here (wallet or currency not accepted).</source>
            <translation>此钱包无法在这里付款（钱包或币种不受支持）。</translation>
        </message>
        <message>
            <source>The customer did not confirm in time; the payment was cancelled.</source>
            <translation>顾客未能及时确认，支付已取消。</translation>
        </message>
        <message>
            <source>The payment did not go through (%1).</source>
            <translation>支付未成功（%1）。</translation>
        </message>
        <message>
            <source>In-store · scanned code %1</source>
            <translation>线下 · 扫码 %1</translation>
        </message>
        <message>
            <source>In-store · order code</source>
            <translation>线下 · 订单码</translation>
        </message>
        <message>
            <source>scanned code</source>
            <translation>扫码</translation>
        </message>
        <message>
            <source>order code</source>
            <translation>订单码</translation>
        </message>
    </context>
    <context>
        <name>KeyPanel</name>
        <message>
            <source>MERCHANT KEY (SHA-256)</source>
            <extracomment>the running embedded sandbox's gateway key, shown for the sandbox profile</extracomment>
            <translation>商户密钥（SHA-256）</translation>
        </message>
        <message>
            <source>GATEWAY KEY (SHA-256)</source>
            <translation>网关密钥（SHA-256）</translation>
        </message>
        <message>
            <source>Make active</source>
            <translation>设为当前</translation>
        </message>
        <message>
            <source>Delete version…</source>
            <translation>删除此版本…</translation>
        </message>
        <message>
            <source>Generate key pair</source>
            <translation>生成密钥对</translation>
        </message>
        <message>
            <source>Rotate…</source>
            <translation>轮换…</translation>
        </message>
        <message>
            <source>Check key pair…</source>
            <translation>校验密钥对…</translation>
        </message>
        <message>
            <source>Copy public key for the Antom Dashboard</source>
            <translation>复制公钥（用于 Antom 控制台）</translation>
        </message>
        <message>
            <source>Save public key as PEM…</source>
            <translation>将公钥另存为 PEM…</translation>
        </message>
        <message>
            <source>Delete gateway key…</source>
            <translation>删除网关公钥…</translation>
        </message>
        <message>
            <source>Key versions</source>
            <translation>密钥版本</translation>
        </message>
        <message>
            <source>Merchant private key</source>
            <translation>商户私钥</translation>
        </message>
        <message>
            <source>Paste your private key: the base64 text the Antom Dashboard gave you, or PEM (BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY / encrypted)</source>
            <translation>粘贴您的私钥：Antom 控制台给出的 base64 文本，或 PEM（BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY / 加密）</translation>
        </message>
        <message>
            <source>Antom (gateway) public key</source>
            <translation>Antom（网关）公钥</translation>
        </message>
        <message>
            <source>Paste the Antom public key from the Dashboard (base64 or PEM) — not your own public key</source>
            <translation>粘贴控制台中的 Antom 公钥（base64 或 PEM）——不是您自己的公钥</translation>
        </message>
        <message>
            <source>memory (until the app quits)</source>
            <translation>内存（程序退出即清除）</translation>
        </message>
        <message>
            <source>the system keyring (%1)</source>
            <translation>系统密钥环（%1）</translation>
        </message>
        <message>
            <source>a keyring (%1)</source>
            <translation>密钥环（%1）</translation>
        </message>
        <message>
            <source>the encrypted key file (%1)</source>
            <translation>加密密钥文件（%1）</translation>
        </message>
        <message>
            <source>Sandbox keys are kept in memory only: they are generated at start and lost when the app quits.</source>
            <translation>沙箱密钥只保存在内存中：启动时生成，程序退出即丢失。</translation>
        </message>
        <message>
            <source>An encrypted key file exists at %1 but the system keyring is in use; choose it with --keystore file.</source>
            <translation>%1 处有加密密钥文件，但当前使用的是系统密钥环；如需使用该文件，请加 --keystore file。</translation>
        </message>
        <message>
            <source>not imported yet</source>
            <translation>尚未导入</translation>
        </message>
        <message>
            <source>Keys are kept in: %1</source>
            <translation>密钥保存位置：%1</translation>
        </message>
        <message>
            <source>version %1
%2</source>
            <translation>版本 %1
%2</translation>
        </message>
        <message>
            <source>%1 (active)</source>
            <translation>%1（当前）</translation>
        </message>
        <message>
            <source>Looks right: RSA key, SHA-256 %1</source>
            <translation>格式正确：RSA 密钥，SHA-256 %1</translation>
        </message>
        <message>
            <source>Replace key</source>
            <translation>替换密钥</translation>
        </message>
        <message>
            <source>Key version %1 of this profile already has a private key. Replace it? The old key is lost; use Rotate to keep it.</source>
            <translation>此配置的密钥版本 %1 已有私钥。要替换吗？旧密钥将丢失；如需保留请使用“轮换”。</translation>
        </message>
        <message>
            <source>Private key imported.</source>
            <translation>私钥已导入。</translation>
        </message>
        <message>
            <source>Private key file</source>
            <translation>私钥文件</translation>
        </message>
        <message>
            <source>Gateway public key imported.</source>
            <translation>网关公钥已导入。</translation>
        </message>
        <message>
            <source>Gateway public key file</source>
            <translation>网关公钥文件</translation>
        </message>
        <message>
            <source>New RSA-2048 key pair generated. Copy its public key to the Antom Dashboard.</source>
            <translation>已生成新的 RSA-2048 密钥对。请将其公钥复制到 Antom 控制台。</translation>
        </message>
        <message>
            <source>Rotate key</source>
            <translation>轮换密钥</translation>
        </message>
        <message>
            <source>Generate a new key version? The current one keeps working until you make the new one active.</source>
            <translation>生成新的密钥版本吗？在您将新版本设为当前之前，现有版本继续有效。</translation>
        </message>
        <message>
            <source>Key version %1 generated. Upload its public key to the Antom Dashboard, then make it active.</source>
            <translation>已生成密钥版本 %1。请将其公钥上传到 Antom 控制台，然后设为当前。</translation>
        </message>
        <message>
            <source>No merchant private key is stored: generate or import one.</source>
            <translation>尚未保存商户私钥：请生成或导入一个。</translation>
        </message>
        <message>
            <source>No gateway public key is stored: import the Antom public key.</source>
            <translation>尚未保存网关公钥：请导入 Antom 的公钥。</translation>
        </message>
        <message>
            <source>Check key pair</source>
            <translation>校验密钥对</translation>
        </message>
        <message>
            <source>Paste the public key registered in the Antom Dashboard (or leave empty to check the stored keys only):</source>
            <translation>粘贴已在 Antom 控制台登记的公钥（留空则只检查已保存的密钥）：</translation>
        </message>
        <message>
            <source>The key pair matches.</source>
            <translation>密钥对匹配。</translation>
        </message>
        <message>
            <source>The stored private key does NOT match that public key.</source>
            <translation>已保存的私钥与该公钥不匹配。</translation>
        </message>
        <message>
            <source>Public key copied (base64, as the Antom Dashboard asks).</source>
            <translation>公钥已复制（base64，Antom 控制台要求的格式）。</translation>
        </message>
        <message>
            <source>Save public key</source>
            <translation>保存公钥</translation>
        </message>
        <message>
            <source>This is a binary (DER) file, not PEM or base64 text: convert it to PEM first.</source>
            <translation>这是二进制（DER）文件，不是 PEM 或 base64 文本：请先转换为 PEM。</translation>
        </message>
        <message>
            <source>This is far larger than a key: give the key file itself.</source>
            <translation>内容远大于一个密钥：请提供密钥文件本身。</translation>
        </message>
        <message>
            <source>This is not a readable RSA key: copy the whole key again.</source>
            <translation>这不是可读取的 RSA 密钥：请重新复制完整的密钥。</translation>
        </message>
        <message>
            <source>This key cannot be used here: it is not an RSA key for Antom.</source>
            <translation>此密钥不能在这里使用：它不是用于 Antom 的 RSA 密钥。</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>The stored keys look right.</source>
            <translation>已保存的密钥看起来正确。</translation>
        </message>
        <message>
            <source>Delete key</source>
            <translation>删除密钥</translation>
        </message>
        <message>
            <source>Delete the private key version %1 of profile %2? This cannot be undone.</source>
            <translation>删除配置 %2 的私钥版本 %1 吗？此操作无法撤销。</translation>
        </message>
        <message>
            <source>Key version deleted.</source>
            <translation>密钥版本已删除。</translation>
        </message>
        <message>
            <source>Delete the gateway public key of profile %1?</source>
            <translation>删除配置 %1 的网关公钥吗？</translation>
        </message>
        <message>
            <source>Gateway key deleted.</source>
            <translation>网关公钥已删除。</translation>
        </message>
        <message>
            <source>This is your own merchant public key, not Antom's. Paste the Antom public key shown next to yours in the Dashboard.</source>
            <translation>这是您自己的商户公钥，不是 Antom 的。请粘贴控制台中显示在您公钥旁边的 Antom 公钥。</translation>
        </message>
        <message>
            <source>This is a PKCS#1 'RSA PUBLIC KEY'. Antom uses the X.509 form (BEGIN PUBLIC KEY, base64 starting 'MIIBIj').</source>
            <translation>这是 PKCS#1 格式的“RSA PUBLIC KEY”。Antom 使用 X.509 格式（BEGIN PUBLIC KEY，base64 以“MIIBIj”开头）。</translation>
        </message>
        <message>
            <source>The key is shorter than 2048 bits. Generate a new RSA-2048 pair and upload its public key.</source>
            <translation>密钥短于 2048 位。请生成新的 RSA-2048 密钥对并上传其公钥。</translation>
        </message>
        <message>
            <source>The paste was cut short. Copy the whole key again (a private key is about 1,620 characters, a public key about 392).</source>
            <translation>粘贴的内容不完整。请重新复制整个密钥（私钥约 1,620 个字符，公钥约 392 个字符）。</translation>
        </message>
        <message>
            <source>This is a PRIVATE key where a public key belongs. Never paste a private key here.</source>
            <translation>此处应为公钥，但这是私钥。切勿在此粘贴私钥。</translation>
        </message>
        <message>
            <source>This is a public key; the merchant private key is needed here.</source>
            <translation>这是公钥；此处需要商户私钥。</translation>
        </message>
        <message>
            <source>The private key is encrypted: type its passphrase.</source>
            <translation>私钥已加密：请输入其口令。</translation>
        </message>
        <message>
            <source>The passphrase does not open this encrypted key.</source>
            <translation>口令无法解开此加密密钥。</translation>
        </message>
        <message>
            <source>The key is not encrypted: leave the passphrase empty.</source>
            <translation>密钥未加密：请将口令留空。</translation>
        </message>
        <message>
            <source>This is a certificate, not a key.</source>
            <translation>这是证书，不是密钥。</translation>
        </message>
        <message>
            <source>No key text was given.</source>
            <translation>未提供密钥文本。</translation>
        </message>
    </context>
    <context>
        <name>KeyPasteBox</name>
        <message>
            <source>Passphrase (only for an encrypted PEM key)</source>
            <translation>口令（仅加密的 PEM 密钥需要）</translation>
        </message>
        <message>
            <source>Import pasted key</source>
            <translation>导入粘贴的密钥</translation>
        </message>
        <message>
            <source>Import from file…</source>
            <translation>从文件导入…</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>C</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Delete last digit</source>
            <translation>删除最后一位</translation>
        </message>
        <message>
            <source>Clear amount</source>
            <translation>清空金额</translation>
        </message>
        <message>
            <source>Decimal point</source>
            <translation>小数点</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <extracomment>Each language's name in that language (never translated).</extracomment>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>The language could not be saved: %1</source>
            <extracomment>the language this window is shown in the one saved for the next start</extracomment>
            <translation>无法保存语言设置：%1</translation>
        </message>
        <message>
            <source>Language: %1</source>
            <translation>语言：%1</translation>
        </message>
        <message>
            <source>%1 — from the next start.</source>
            <translation>%1——下次启动时生效。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Cashier</source>
            <translation>收银台</translation>
        </message>
        <message>
            <source>New sale</source>
            <extracomment>asks the operator for the encrypted key file's passphrase (tests replace it) the services' one change signal</extracomment>
            <translation>新交易</translation>
        </message>
        <message>
            <source>History</source>
            <translation>交易记录</translation>
        </message>
        <message>
            <source>End of day</source>
            <translation>日结</translation>
        </message>
        <message>
            <source>Customer display</source>
            <translation>顾客显示屏</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>&amp;Sale</source>
            <translation>交易(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Records</source>
            <translation>记录(&amp;R)</translation>
        </message>
        <message>
            <source>Wallet page for phones…</source>
            <translation>手机钱包页面…</translation>
        </message>
        <message>
            <source>About Cashier</source>
            <translation>关于收银台</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Another cashier is using this profile; its unfinished payments are left to it.</source>
            <translation>另一个收银台正在使用此配置；其未完成的支付由它处理。</translation>
        </message>
        <message>
            <source>Could not check unfinished payments: %1</source>
            <translation>无法检查未完成的支付：%1</translation>
        </message>
        <message>
            <source>The amount typed while the cashier was starting is in the field: check the amount and press Enter to charge.</source>
            <translation>收银台启动时输入的金额已填入：请核对金额后按回车收款。</translation>
        </message>
        <message>
            <source>The keys typed while the cashier was starting were not used.</source>
            <translation>收银台启动时输入的按键未被使用。</translation>
        </message>
        <message>
            <source>The keys of profile %1 are in the encrypted key file.
Enter its passphrase:</source>
            <translation>配置 %1 的密钥保存在加密密钥文件中。
请输入其口令：</translation>
        </message>
        <message>
            <source>Embedded sandbox</source>
            <extracomment>The translation context of every error template. Named so that pyside6-lupdate finds the texts below.</extracomment>
            <translation>内置沙箱</translation>
        </message>
        <message>
            <source>Antom sandbox</source>
            <translation>Antom 沙箱</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>正式环境</translation>
        </message>
        <message>
            <source>Profile %1 · %2 · %3 · %4</source>
            <translation>配置 %1 · %2 · %3 · %4</translation>
        </message>
        <message>
            <source>Profile %1 · %2 · %3</source>
            <translation>配置 %1 · %2 · %3</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Demo keys live in memory only — nothing is charged</source>
            <translation>演示密钥仅保存在内存中——不会真实扣款</translation>
        </message>
        <message>
            <source>Demo keys: nothing is charged</source>
            <translation>演示密钥：不会真实扣款</translation>
        </message>
        <message>
            <source>Nothing is charged</source>
            <translation>不会真实扣款</translation>
        </message>
        <message>
            <source>Gateway: checking…</source>
            <translation>网关：检查中…</translation>
        </message>
        <message>
            <source>Gateway ✓ %1 ms</source>
            <translation>网关 ✓ %1 毫秒</translation>
        </message>
        <message>
            <source>Gateway ✓</source>
            <translation>网关 ✓</translation>
        </message>
        <message>
            <source>Gateway ✗</source>
            <translation>网关 ✗</translation>
        </message>
        <message>
            <source>Gateway check failed: %1</source>
            <translation>网关检查失败：%1</translation>
        </message>
        <message>
            <source>Recovered %1 unfinished payment(s) from the last session: %2. See History for details.</source>
            <translation>已恢复上次会话中 %1 笔未完成的支付：%2。详情请查看交易记录。</translation>
        </message>
        <message>
            <source>The payment of %1 with %2 started at %3 is still waiting for the customer to confirm it in the wallet.</source>
            <translation>%3 发起的 %2 支付（%1）仍在等待顾客在钱包中确认。</translation>
        </message>
        <message>
            <source>The payment of %1 with %2 started at %3 is still waiting for the customer: the same code is shown again.</source>
            <translation>%3 发起的 %2 支付（%1）仍在等待顾客：已再次显示同一个付款码。</translation>
        </message>
        <message>
            <source>This page is not available: %1</source>
            <translation>此页面不可用：%1</translation>
        </message>
        <message>
            <source>Profiles &amp;&amp; keys…</source>
            <translation>配置与密钥…</translation>
        </message>
        <message>
            <source>Unlock keys</source>
            <extracomment>Builds a profile's services (on a worker); by default the backend's ``build_services``.</extracomment>
            <translation>解锁密钥</translation>
        </message>
        <message>
            <source>S&amp;etup</source>
            <translation>设置(&amp;E)</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Replace the damaged profiles file %1 with its previous good version %2? The damaged file is kept as %3.</source>
            <translation>用上一个完好的版本 %2 替换已损坏的配置文件 %1？损坏的文件会保留为 %3。</translation>
        </message>
        <message>
            <source>Keep the file</source>
            <translation>保留文件</translation>
        </message>
        <message>
            <source>A manager's PIN is needed to change profiles and keys.</source>
            <translation>更改配置和密钥需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>Finish the current sale first, then choose the profile again.</source>
            <translation>请先完成当前交易，然后再次选择配置。</translation>
        </message>
    </context>
    <context>
        <name>MethodTile</name>
        <message>
            <source>Any Alipay+ partner wallet</source>
            <translation>任一 Alipay+ 合作钱包</translation>
        </message>
        <message>
            <source>Alipay+ partner</source>
            <translation>Alipay+ 合作伙伴</translation>
        </message>
        <message>
            <source>Alipay app</source>
            <translation>支付宝客户端</translation>
        </message>
    </context>
    <context>
        <name>NotificationLogModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>HTTP</source>
            <translation>HTTP</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Payment request</source>
            <translation>支付请求</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
    </context>
    <context>
        <name>OperatorGate</name>
        <message>
            <source>Sign out</source>
            <extracomment>the form open now, if any</extracomment>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>Operators…</source>
            <extracomment>the operator signed in, kept across a change of profile</extracomment>
            <translation>操作员…</translation>
        </message>
        <message>
            <source>No operators set up: anyone can refund</source>
            <extracomment>Setup → Operators, while open</extracomment>
            <translation>未设置操作员：任何人都可退款</translation>
        </message>
        <message>
            <source>No operators: anyone can refund</source>
            <translation>未设置操作员：任何人可退款</translation>
        </message>
        <message>
            <source>Anyone can refund</source>
            <translation>任何人可退款</translation>
        </message>
        <message>
            <source>Add a manager to require a sign-in: cashier operator add NAME --role manager</source>
            <translation>添加一位经理即可要求登录：cashier operator add 名字 --role manager</translation>
        </message>
        <message>
            <source>Nobody signed in</source>
            <translation>无人登录</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>收银员</translation>
        </message>
        <message>
            <source>Operator: %1 (%2)</source>
            <translation>操作员：%1（%2）</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Sign out: Ctrl+L</source>
            <translation>退出登录：Ctrl+L</translation>
        </message>
        <message>
            <source>%1 · store offline</source>
            <translation>%1 · 门店服务器离线</translation>
        </message>
        <message>
            <source>Store offline</source>
            <translation>门店服务器离线</translation>
        </message>
        <message>
            <source>Finish the current sale first, then sign out.</source>
            <translation>请先完成当前交易，再退出登录。</translation>
        </message>
        <message>
            <source>A manager's PIN is needed to change operators.</source>
            <translation>更改操作员需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>The store server cannot be reached: operators sign in with this till's copy of the store's accounts, and operators cannot be changed until it is back.</source>
            <translation>无法连接门店服务器：操作员使用本收银台保存的门店账户副本登录；服务器恢复前无法更改操作员。</translation>
        </message>
    </context>
    <context>
        <name>OperatorPinDialog</name>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Manager approval</source>
            <translation>经理批准</translation>
        </message>
        <message>
            <source>Who is at the till? Sign in with your name and PIN.</source>
            <translation>谁在收银台？请用您的名字和 PIN 码登录。</translation>
        </message>
        <message>
            <source>A manager's PIN is needed.</source>
            <translation>需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>您的名字</translation>
        </message>
        <message>
            <source>Manager's name</source>
            <translation>经理的名字</translation>
        </message>
        <message>
            <source>4-12 digits</source>
            <translation>4-12 位数字</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Type the operator's name.</source>
            <translation>请输入操作员的名字。</translation>
        </message>
        <message>
            <source>Type the PIN.</source>
            <translation>请输入 PIN 码。</translation>
        </message>
    </context>
    <context>
        <name>OperatorsDialog</name>
        <message>
            <source>Operators</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>收银员</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>4-12 digits</source>
            <translation>4-12 位数字</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名字</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>新 PIN 码</translation>
        </message>
        <message>
            <source>PIN again</source>
            <translation>再次输入 PIN 码</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>设置 PIN 码</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>locked until %1</source>
            <translation>锁定至 %1</translation>
        </message>
        <message>
            <source>No operators yet: add the first one, a manager. From then on everyone signs in, and refunds need a manager's PIN.</source>
            <translation>还没有操作员：请先添加一位经理。此后每个人都需要登录，退款需要经理的 PIN 码。</translation>
        </message>
        <message>
            <source>Select an operator to change or remove; type a new name to add one.</source>
            <translation>选择一位操作员进行更改或删除；输入新名字即可添加。</translation>
        </message>
        <message>
            <source>The two PINs differ; nothing was changed.</source>
            <translation>两次输入的 PIN 码不一致；未做任何更改。</translation>
        </message>
        <message>
            <source>%1 added.</source>
            <translation>已添加 %1。</translation>
        </message>
        <message>
            <source>PIN of %1 changed.</source>
            <translation>%1 的 PIN 码已更改。</translation>
        </message>
        <message>
            <source>Role of %1 changed.</source>
            <translation>%1 的角色已更改。</translation>
        </message>
        <message>
            <source>%1 unlocked.</source>
            <translation>%1 已解锁。</translation>
        </message>
        <message>
            <source>%1 removed.</source>
            <translation>%1 已删除。</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>AMOUNT (%1)</source>
            <translation>金额（%1）</translation>
        </message>
        <message>
            <source>WHAT IS IT FOR</source>
            <translation>商品说明</translation>
        </message>
        <message>
            <source>Trade summary shown to the customer</source>
            <translation>向顾客展示的交易摘要</translation>
        </message>
        <message>
            <source>REFERENCE ORDER ID</source>
            <translation>商户订单号</translation>
        </message>
        <message>
            <source>New id</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>Charge</source>
            <extracomment>How long one step may take before the self-test gives up on it (slow CI machines).</extracomment>
            <translation>收款</translation>
        </message>
        <message>
            <source>Opening cashier…</source>
            <translation>正在打开收银台…</translation>
        </message>
        <message>
            <source>AMOUNT</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>启动中…</translation>
        </message>
        <message>
            <source>Invalid amount: %1</source>
            <translation>金额无效：%1</translation>
        </message>
        <message>
            <source>amount is empty</source>
            <translation>金额为空</translation>
        </message>
        <message>
            <source>The reference order id contains control characters</source>
            <translation>商户订单号包含控制字符</translation>
        </message>
        <message>
            <source>Large sale</source>
            <translation>大额交易</translation>
        </message>
        <message>
            <source>Charge %1? From %2 on, the till asks before charging.</source>
            <translation>确认收款 %1？金额达到 %2 及以上时，收银台会先请您确认。</translation>
        </message>
        <message>
            <source>Charge %1</source>
            <translation>收款 %1</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>PaymentDetailsPane</name>
        <message>
            <source>Wallet</source>
            <extracomment>minor units refunded or possibly refunded (journal.refunded_total)</extracomment>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>支付时间</translation>
        </message>
        <message>
            <source>Payment ID</source>
            <translation>支付单号</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>请求单号</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Result code</source>
            <translation>结果码</translation>
        </message>
        <message>
            <source>Taken by</source>
            <translation>经手人</translation>
        </message>
        <message>
            <source>By %1, approved by %2</source>
            <translation>%1 办理，%2 批准</translation>
        </message>
        <message>
            <source>Timeline (%1)</source>
            <translation>时间线（%1）</translation>
        </message>
        <message>
            <source>Refunds (%1)</source>
            <translation>退款（%1）</translation>
        </message>
        <message>
            <source>Refundable</source>
            <translation>可退金额</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>毫秒</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Select a refund to print or save its receipt</source>
            <translation>选中一笔退款即可打印或保存它的小票</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Refund ID</source>
            <translation>退款单号</translation>
        </message>
        <message>
            <source>No payment selected</source>
            <translation>未选择支付</translation>
        </message>
    </context>
    <context>
        <name>PaymentKit</name>
        <message>
            <source>%1 (Payment Kit %2)</source>
            <translation>%1（Payment Kit %2）</translation>
        </message>
        <message>
            <source>The payment request is not valid.</source>
            <translation>支付请求无效。</translation>
        </message>
        <message>
            <source>The payment was cancelled.</source>
            <translation>支付已取消。</translation>
        </message>
        <message>
            <source>The payment failed.</source>
            <translation>支付失败。</translation>
        </message>
        <message>
            <source>This payment was already processed.</source>
            <translation>该笔支付已处理。</translation>
        </message>
        <message>
            <source>The withholding failed.</source>
            <translation>代扣失败。</translation>
        </message>
        <message>
            <source>This cashier was already used for a payment.</source>
            <translation>此收银台会话已用于一笔支付。</translation>
        </message>
        <message>
            <source>The gateway could not be reached.</source>
            <translation>无法连接网关。</translation>
        </message>
        <message>
            <source>Payment Kit error.</source>
            <translation>Payment Kit 错误。</translation>
        </message>
    </context>
    <context>
        <name>PaymentsModel</name>
        <message>
            <source>Unknown wallet</source>
            <extracomment>Text colour of each status in the table (readable on a light background). Text colour of a paid sale that is (partly) refunded. inclusive, timezone-aware exclusive, timezone-aware</extracomment>
            <translation>未知钱包</translation>
        </message>
        <message>
            <source>Refund pending</source>
            <translation>退款处理中</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Partly refunded</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>已创建</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Success</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Embedded sandbox</source>
            <translation>内置沙箱</translation>
        </message>
        <message>
            <source>Antom sandbox</source>
            <translation>Antom 沙箱</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>正式环境</translation>
        </message>
        <message>
            <source>Time</source>
            <extracomment>store mode, whole store: the till each sale was taken at minor units refunded, by paymentRequestId of which not final yet, by paymentRequestId repeats seen, so the next offset still moves forward</extracomment>
            <translation>时间</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Wallet</source>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>环境</translation>
        </message>
        <message>
            <source>Payment ID</source>
            <translation>支付单号</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>请求单号</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>收银台</translation>
        </message>
    </context>
    <context>
        <name>PhoneDialog</name>
        <message>
            <source>Wallet page for phones</source>
            <translation>手机钱包页面</translation>
        </message>
        <message>
            <source>Serve the sandbox's wallet page on this computer's network address, so a phone on the same Wi-Fi can scan a sale's QR code and pay on it. Each start makes a new secret token that the QR codes carry; without it the pages refuse.</source>
            <translation>在本机的网络地址上提供沙箱钱包页面，让同一 Wi-Fi 下的手机扫描交易二维码并在手机上付款。每次启动都会生成新的密钥令牌，由二维码携带；没有令牌的访问会被拒绝。</translation>
        </message>
        <message>
            <source>This computer's address</source>
            <translation>本机地址</translation>
        </message>
        <message>
            <source>any free port</source>
            <translation>任意空闲端口</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>启动</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>This computer shows no network address a phone could reach: connect it to the phone's Wi-Fi, or type the address.</source>
            <translation>本机没有手机可访问的网络地址：请连接到手机所在的 Wi-Fi，或手动输入地址。</translation>
        </message>
        <message>
            <source>Phones open the wallet page at %1</source>
            <translation>手机通过 %1 打开钱包页面</translation>
        </message>
        <message>
            <source>Sales started from now on show a QR code a phone can open.</source>
            <translation>从现在开始的交易会显示手机可打开的二维码。</translation>
        </message>
        <message>
            <source>If the phone cannot open the page:</source>
            <translation>如果手机无法打开页面：</translation>
        </message>
        <message>
            <source>• the phone must be on the same network as this computer (a guest or isolated Wi-Fi keeps devices apart; mobile data cannot reach it);</source>
            <translation>• 手机必须与本机在同一网络（访客或隔离的 Wi-Fi 会隔开设备；移动数据无法访问）；</translation>
        </message>
        <message>
            <source>• %1 must be this computer's address on that network;</source>
            <translation>• %1 必须是本机在该网络中的地址；</translation>
        </message>
        <message>
            <source>• the firewall must let in TCP port %1;</source>
            <translation>• 防火墙必须放行 TCP 端口 %1；</translation>
        </message>
        <message>
            <source>• it is plain http: if the phone's browser warns, choose to continue.</source>
            <translation>• 这是普通 http：如果手机浏览器提示警告，请选择继续。</translation>
        </message>
        <message>
            <source>%1 is a loopback address: only this computer can open it.</source>
            <translation>%1 是回环地址：只有本机能打开。</translation>
        </message>
        <message>
            <source>Starting on %1…</source>
            <translation>正在 %1 上启动…</translation>
        </message>
        <message>
            <source>Stopped: the QR codes point to this computer only.</source>
            <translation>已停止：二维码只指向本机。</translation>
        </message>
        <message>
            <source>Could not start: %1</source>
            <translation>无法启动：%1</translation>
        </message>
    </context>
    <context>
        <name>PickerPage</name>
        <message>
            <source>TOTAL TO PAY</source>
            <extracomment>The picker's first row for an in-store profile: not a wallet, the till's scanner. Enter, Return or Space this soon after the picker opened is not the customer's choice: it is the operator's Charge Enter pressed twice in a hurry, or its key bouncing. 400 ms is Qt's default double-click interval (two presses closer than that are one gesture) and below the time anyone needs to read a freshly shown list and decide (well over half a second), so a doubled Enter never confirms and a deliberate one is never lost.</extracomment>
            <translation>应付金额</translation>
        </message>
        <message>
            <source>CHOOSE A WALLET</source>
            <translation>选择支付方式</translation>
        </message>
        <message>
            <source>Alipay and Alipay+ partner wallets accepted</source>
            <translation>支持支付宝及 Alipay+ 合作钱包</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Back to the amount (Esc)</source>
            <translation>返回金额输入（Esc）</translation>
        </message>
        <message>
            <source>Merchant</source>
            <translation>商户</translation>
        </message>
        <message>
            <source>Creating payment…</source>
            <translation>正在创建支付…</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>确认支付</translation>
        </message>
        <message>
            <source>Scan the barcode or QR in the customer's wallet</source>
            <translation>扫描顾客钱包中的条码或二维码</translation>
        </message>
        <message>
            <source>Alipay+ partner wallets</source>
            <translation>Alipay+ 合作钱包</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>Embedded sandbox (offline)</source>
            <extracomment>the gateway choice of the embedded sandbox: no URL</extracomment>
            <translation>内置沙箱（离线）</translation>
        </message>
        <message>
            <source>Antom sandbox</source>
            <translation>Antom 沙箱</translation>
        </message>
        <message>
            <source>Production (live)</source>
            <translation>生产环境（正式）</translation>
        </message>
        <message>
            <source>North America</source>
            <translation>北美</translation>
        </message>
        <message>
            <source>North America (legacy)</source>
            <translation>北美（旧域名）</translation>
        </message>
        <message>
            <source>Asia</source>
            <translation>亚洲</translation>
        </message>
        <message>
            <source>Asia (legacy)</source>
            <translation>亚洲（旧域名）</translation>
        </message>
        <message>
            <source>Europe</source>
            <translation>欧洲</translation>
        </message>
        <message>
            <source>Europe (in-store)</source>
            <translation>欧洲（线下门店）</translation>
        </message>
        <message>
            <source>Custom URL…</source>
            <translation>自定义 URL…</translation>
        </message>
        <message>
            <source>Embedded sandbox</source>
            <translation>内置沙箱</translation>
        </message>
        <message>
            <source>Runs inside this app: no URL.</source>
            <translation>在本应用内运行：无需网址。</translation>
        </message>
        <message>
            <source>From the Antom Dashboard</source>
            <translation>从 Antom 控制台复制</translation>
        </message>
        <message>
            <source>Optional: https://…</source>
            <translation>可选：https://…</translation>
        </message>
        <message>
            <source>Shown to the customer</source>
            <translation>向顾客展示</translation>
        </message>
        <message>
            <source>Profile name</source>
            <translation>配置名称</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>环境</translation>
        </message>
        <message>
            <source>Gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>客户端 ID</translation>
        </message>
        <message>
            <source>Key version</source>
            <translation>密钥版本</translation>
        </message>
        <message>
            <source>Notify URL</source>
            <translation>通知 URL</translation>
        </message>
        <message>
            <source>Merchant name</source>
            <translation>商户名称</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Largest sale</source>
            <translation>单笔最高金额</translation>
        </message>
        <message>
            <source>Ask before charging from</source>
            <translation>需确认的金额起点</translation>
        </message>
        <message>
            <source>Wallets enabled</source>
            <translation>启用的钱包</translation>
        </message>
        <message>
            <source>Default: %1</source>
            <translation>默认：%1</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <source>Profiles &amp; keys</source>
            <extracomment>A settings dialog is used with a mouse: denser buttons than the touch-sized sale pages. True while the window's sale is between Charge and its result: the till cannot change profile then, so Use changes nothing and says so</extracomment>
            <translation>配置与密钥</translation>
        </message>
        <message>
            <source>Name</source>
            <extracomment>the running embedded sandbox's gateway public key (bare base64), when there is one the key file is locked; asked for only when a profile that keeps keys there is chosen (the embedded sandbox's keys live in memory and need no passphrase)</extracomment>
            <translation>名称</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>环境</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>客户端 ID</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Use</source>
            <translation>使用</translation>
        </message>
        <message>
            <source>Save profile</source>
            <translation>保存配置</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>密钥</translation>
        </message>
        <message>
            <source>Embedded sandbox</source>
            <translation>内置沙箱</translation>
        </message>
        <message>
            <source>Antom sandbox</source>
            <translation>Antom 沙箱</translation>
        </message>
        <message>
            <source>Production</source>
            <translation>生产环境</translation>
        </message>
        <message>
            <source>The active profile</source>
            <translation>当前使用的配置</translation>
        </message>
        <message>
            <source>No OS keyring is available, so keys are kept in an encrypted file. Enter its passphrase to see and change this profile's keys.</source>
            <translation>没有可用的系统密钥环，密钥保存在加密文件中。请输入其口令以查看和修改此配置的密钥。</translation>
        </message>
        <message>
            <source>Fix the fields marked in red.</source>
            <translation>请修正标红的字段。</translation>
        </message>
        <message>
            <source>Finish the current sale first, then save the profile again.</source>
            <translation>请先完成当前交易，然后再次保存配置。</translation>
        </message>
        <message>
            <source>Profile %1 saved.</source>
            <translation>配置 %1 已保存。</translation>
        </message>
        <message>
            <source>Delete profile</source>
            <translation>删除配置</translation>
        </message>
        <message>
            <source>Delete profile %1 and all its keys from the key store? This cannot be undone.</source>
            <translation>从密钥库中删除配置 %1 及其全部密钥吗？此操作无法撤销。</translation>
        </message>
        <message>
            <source>Profile %1 deleted.</source>
            <translation>配置 %1 已删除。</translation>
        </message>
        <message>
            <source>Finish the current sale first, then choose the profile again.</source>
            <translation>请先完成当前交易，然后再次选择配置。</translation>
        </message>
        <message>
            <source>Profile %1 is now active; the cashier restarts with it.</source>
            <translation>配置 %1 已设为当前；收银台将以此配置重新启动。</translation>
        </message>
        <message>
            <source>Key file passphrase</source>
            <translation>密钥文件口令</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <extracomment>Languages the GUI offers; the first is the source language. Named so that pyside6-lupdate finds the texts below in Qt's own contexts.</extracomment>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QRCodeWidget</name>
        <message>
            <source>Preparing the code…</source>
            <extracomment>Modules of white border required around a QR code by ISO/IEC 18004. Side of the centre mark as a fraction of the code's side: 0.3² = 9 % of the area, well within error-correction level H (30 %) and below the 15 % we allow ourselves.</extracomment>
            <translation>正在生成二维码…</translation>
        </message>
    </context>
    <context>
        <name>QaConsole</name>
        <message>
            <source>Exchanges</source>
            <translation>请求记录</translation>
        </message>
        <message>
            <source>Faults</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Scenarios</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>Select an exchange to see it in full.</source>
            <translation>选择一条请求记录以查看完整内容。</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>响应</translation>
        </message>
        <message>
            <source>Copy as curl</source>
            <translation>复制为 curl</translation>
        </message>
        <message>
            <source>Export log (JSON)…</source>
            <translation>导出日志（JSON）…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <source>Notifications the cashier's listener received at %1</source>
            <translation>收银台监听器在 %1 收到的通知</translation>
        </message>
        <message>
            <source>This profile has no local notification listener; payments are followed by polling.</source>
            <translation>此配置没有本地通知监听器；支付状态通过轮询跟踪。</translation>
        </message>
        <message>
            <source>✓ Response signature verified (RSA-SHA256, gateway public key)</source>
            <translation>✓ 响应签名已验证（RSA-SHA256，网关公钥）</translation>
        </message>
        <message>
            <source>✗ No answer: %1</source>
            <translation>✗ 无应答：%1</translation>
        </message>
        <message>
            <source>✗ Not verified: %1</source>
            <translation>✗ 未通过验签：%1</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>未说明原因</translation>
        </message>
        <message>
            <source>attempt %1 · %2 ms</source>
            <translation>第 %1 次尝试 · %2 毫秒</translation>
        </message>
        <message>
            <source>— Headers —</source>
            <translation>— 请求头 —</translation>
        </message>
        <message>
            <source>— String to sign —</source>
            <translation>— 待签名字符串 —</translation>
        </message>
        <message>
            <source>— Body —</source>
            <translation>— 正文 —</translation>
        </message>
        <message>
            <source>No HTTP answer.</source>
            <translation>没有 HTTP 应答。</translation>
        </message>
        <message>
            <source>— Response headers —</source>
            <translation>— 响应头 —</translation>
        </message>
        <message>
            <source>— Signed content checked —</source>
            <translation>— 已校验的签名内容 —</translation>
        </message>
        <message>
            <source>— Verification —</source>
            <translation>— 验签 —</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>已验证</translation>
        </message>
        <message>
            <source>%1 exchange(s), newest last</source>
            <translation>%1 条记录，最新在末尾</translation>
        </message>
        <message>
            <source>Export the exchange log</source>
            <translation>导出请求日志</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message>
            <source>Accepted (signature verified, acknowledged)</source>
            <translation>已接受（签名已验证，已应答）</translation>
        </message>
        <message>
            <source>Rejected with HTTP %1: %2</source>
            <translation>已拒绝，HTTP %1：%2</translation>
        </message>
        <message>
            <source>not processed: %1</source>
            <extracomment>Named so that pyside6-lupdate finds the texts (as ``self.tr`` of a widget would).</extracomment>
            <translation>未处理：%1</translation>
        </message>
    </context>
    <context>
        <name>QaDock</name>
        <message>
            <source>QA console</source>
            <extracomment>As many as the console's own logs keep (``qa/models.py`` DEFAULT_CAPACITY).</extracomment>
            <translation>QA 调试台</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <extracomment>px of the console's height lent to the page shown</extracomment>
            <translation>视图(&amp;V)</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>The payment code is invalid or has expired.</source>
            <extracomment>Named so that pyside6-lupdate finds the texts.</extracomment>
            <translation>付款码无效或已过期。</translation>
        </message>
        <message>
            <source>The gateway refused the form of the request.</source>
            <translation>网关拒绝了此请求的格式。</translation>
        </message>
        <message>
            <source>The gateway does not accept this profile's client id.</source>
            <translation>网关不接受此配置的客户端 ID。</translation>
        </message>
        <message>
            <source>The customer declined the payment in the wallet.</source>
            <translation>顾客在钱包中拒绝了这笔支付。</translation>
        </message>
        <message>
            <source>The customer's wallet balance is not enough.</source>
            <translation>顾客钱包余额不足。</translation>
        </message>
        <message>
            <source>The wallet does not know the customer's account.</source>
            <translation>钱包中不存在该顾客的账户。</translation>
        </message>
        <message>
            <source>The customer's wallet account is restricted.</source>
            <translation>顾客的钱包账户状态异常，已受限。</translation>
        </message>
        <message>
            <source>The payment is over the customer's wallet limit.</source>
            <translation>支付金额超出顾客钱包的限额。</translation>
        </message>
        <message>
            <source>The customer's wallet account is not verified for this payment.</source>
            <translation>顾客的钱包账户未完成此支付所需的实名认证。</translation>
        </message>
        <message>
            <source>The customer did not pass the wallet's payment verification.</source>
            <translation>顾客未通过钱包的支付验证。</translation>
        </message>
        <message>
            <source>The amount is over this wallet's limit for one payment.</source>
            <translation>金额超出此钱包的单笔支付限额。</translation>
        </message>
        <message>
            <source>The wallet's limit on the number of payments is reached.</source>
            <translation>已达到此钱包的支付次数上限。</translation>
        </message>
        <message>
            <source>The wallet's risk control refused this payment.</source>
            <translation>钱包风控拒绝了这笔支付。</translation>
        </message>
        <message>
            <source>Regulations do not allow this payment.</source>
            <translation>受监管规定限制，无法进行这笔支付。</translation>
        </message>
        <message>
            <source>This wallet is not available to this merchant now.</source>
            <translation>此钱包目前对本商户不可用。</translation>
        </message>
        <message>
            <source>This wallet does not take this currency.</source>
            <translation>此钱包不支持该币种。</translation>
        </message>
        <message>
            <source>The merchant is not registered for this wallet.</source>
            <translation>本商户尚未开通此钱包。</translation>
        </message>
        <message>
            <source>The merchant's contract does not cover this payment.</source>
            <translation>本商户的合约不支持这笔支付。</translation>
        </message>
        <message>
            <source>The wallet's payment token is not valid.</source>
            <translation>钱包的支付令牌无效。</translation>
        </message>
        <message>
            <source>The order is closed: the customer did not pay before it expired.</source>
            <translation>订单已关闭：顾客未在过期前付款。</translation>
        </message>
        <message>
            <source>Not paid before the code expired; cancelled at the gateway.</source>
            <translation>付款码过期前未付款，已在网关取消。</translation>
        </message>
        <message>
            <source>Not paid in time; cancelled at the gateway.</source>
            <translation>未在限定时间内付款，已在网关取消。</translation>
        </message>
        <message>
            <source>Cancelled by the operator.</source>
            <translation>已由操作员取消。</translation>
        </message>
        <message>
            <source>Too late to cancel: refund it instead.</source>
            <translation>已过可取消的期限：请改为退款。</translation>
        </message>
        <message>
            <source>Whether it was paid is not known yet: the answers could not be verified. Run cashier recover to settle it.</source>
            <translation>尚不确定是否已付款：网关应答未能验签。请运行 cashier recover 核对。</translation>
        </message>
        <message>
            <source>The refund is more than what is left to refund.</source>
            <translation>退款金额超过剩余可退金额。</translation>
        </message>
        <message>
            <source>This request id was used before with other content.</source>
            <translation>此请求单号之前已用于内容不同的请求。</translation>
        </message>
        <message>
            <source>Waiting for the customer to pay.</source>
            <translation>等待顾客付款。</translation>
        </message>
        <message>
            <source>The gateway could not be reached.</source>
            <translation>无法连接网关。</translation>
        </message>
        <message>
            <source>The gateway did not answer in time.</source>
            <translation>网关未及时应答。</translation>
        </message>
        <message>
            <source>The gateway's answer did not verify (bad signature), so it is not believed.</source>
            <translation>网关应答未通过验签（签名错误），因此不予采信。</translation>
        </message>
        <message>
            <source>The gateway's answer is not in Antom's form.</source>
            <translation>网关应答不符合 Antom 的格式。</translation>
        </message>
        <message>
            <source>The gateway had an unknown error; the result is asked again.</source>
            <translation>网关发生未知错误，正在重新查询结果。</translation>
        </message>
        <message>
            <source>The gateway is busy (too many requests); asking again shortly.</source>
            <translation>网关繁忙（请求过多），稍后重新查询。</translation>
        </message>
        <message>
            <source>The gateway refused this merchant access.</source>
            <translation>网关拒绝了本商户的访问。</translation>
        </message>
        <message>
            <source>The gateway refused our signature: check the merchant public key registered with Antom.</source>
            <translation>网关拒绝了我们的签名：请检查在 Antom 登记的商户公钥。</translation>
        </message>
        <message>
            <source>The gateway has no public key for this merchant.</source>
            <translation>网关没有本商户的公钥。</translation>
        </message>
        <message>
            <source>The gateway refused a field of the request.</source>
            <translation>网关认为请求中有字段不合法。</translation>
        </message>
        <message>
            <source>The gateway could not process the payment.</source>
            <translation>网关无法处理这笔支付。</translation>
        </message>
        <message>
            <source>The interrupted sale was cancelled at the gateway on recovery.</source>
            <translation>中断的交易已在恢复时于网关取消。</translation>
        </message>
        <message>
            <source>The gateway has no record of this payment; nothing was charged.</source>
            <translation>网关没有这笔支付的记录，未扣款。</translation>
        </message>
        <message>
            <source>The gateway has no record of this payment yet; it may still arrive.</source>
            <translation>网关暂无这笔支付的记录，支付请求可能仍在途中。</translation>
        </message>
        <message>
            <source>The result is not known yet (%1).</source>
            <translation>结果暂未知（%1）。</translation>
        </message>
        <message>
            <source>The payment did not go through (%1).</source>
            <translation>支付未成功（%1）。</translation>
        </message>
        <message>
            <source>Gateway reachable; keys verified (it answered an unknown id with S).</source>
            <translation>网关可连接；密钥验证通过（网关对不存在的单号应答了 S）。</translation>
        </message>
        <message>
            <source>Gateway reachable; merchant key accepted; gateway key verified.</source>
            <translation>网关可连接；商户密钥已被接受；网关密钥验签通过。</translation>
        </message>
        <message>
            <source>The gateway refuses our signature: the public key registered in the Antom Dashboard is not this profile's merchant key (export it with 'cashier keys export-public' and upload it).</source>
            <translation>网关拒绝了我们的签名：Antom 控制台中登记的公钥不是此配置的商户密钥（用“cashier keys export-public”导出并上传）。</translation>
        </message>
        <message>
            <source>The gateway has no public key for this client id and key version: upload the merchant public key in the Antom Dashboard, or check the profile's key version.</source>
            <translation>网关没有此客户端 ID和密钥版本的公钥：请在 Antom 控制台上传商户公钥，或检查配置的密钥版本。</translation>
        </message>
        <message>
            <source>The gateway does not know this client id: check the profile's client id and environment (SANDBOX_ ids need the sandbox).</source>
            <translation>网关不认识此客户端 ID：请检查配置的客户端 ID和环境（SANDBOX_ 开头的编号需要沙箱环境）。</translation>
        </message>
        <message>
            <source>The gateway's answer does not verify with this profile's gateway public key (was the merchant's own public key imported as the gateway key?).</source>
            <translation>网关应答无法用此配置的网关公钥验签（是否把商户自己的公钥误导入为网关公钥？）。</translation>
        </message>
        <message>
            <source>Unexpected answer from the gateway (%1).</source>
            <translation>网关的应答出乎意料（%1）。</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <source>%1 (%2 lines)</source>
            <translation>%1（分 %2 行）</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>ANTOM SANDBOX - NOT REAL MONEY</source>
            <translation>Antom 沙箱 - 非真实资金</translation>
        </message>
        <message>
            <source>CANCELLED</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>DEMO SANDBOX - NOT REAL MONEY</source>
            <translation>演示沙箱 - 非真实资金</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>NOT SENT</source>
            <translation>未发送</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Order code</source>
            <translation>订单二维码</translation>
        </message>
        <message>
            <source>PAID</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>PARTLY REFUNDED</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <source>PENDING</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Paid with</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Payment ID</source>
            <translation>支付单号</translation>
        </message>
        <message>
            <source>REFUND</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>REFUNDED</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>小票</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Refund ID</source>
            <translation>退款单号</translation>
        </message>
        <message>
            <source>Refund request</source>
            <translation>退款请求编号</translation>
        </message>
        <message>
            <source>Refundable</source>
            <translation>可退金额</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>请求编号</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>SALE</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Scan with %1</source>
            <translation>请用%1扫码</translation>
        </message>
        <message>
            <source>Scanned code %1</source>
            <translation>扫描付款码 %1</translation>
        </message>
        <message>
            <source>Served by</source>
            <translation>收银员</translation>
        </message>
        <message>
            <source>Thank you</source>
            <translation>谢谢惠顾</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>UNKNOWN</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Unknown wallet</source>
            <translation>未知钱包</translation>
        </message>
        <message>
            <source>Valid until %1</source>
            <translation>有效期至 %1</translation>
        </message>
        <message>
            <source>Wallet</source>
            <translation>支付方式</translation>
        </message>
    </context>
    <context>
        <name>ReceiptActions</name>
        <message>
            <source>Receipt sent to the receipt printer</source>
            <translation>小票已发送到小票打印机</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message>
            <source>Receipt sent to %1</source>
            <translation>小票已发送到 %1</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>打印小票</translation>
        </message>
        <message>
            <source>Receipt, 80 mm roll (*.pdf)</source>
            <translation>小票，80 毫米卷纸 (*.pdf)</translation>
        </message>
        <message>
            <source>Receipt, A4 page (*.pdf)</source>
            <translation>小票，A4 纸 (*.pdf)</translation>
        </message>
        <message>
            <source>Save receipt</source>
            <translation>保存小票</translation>
        </message>
        <message>
            <source>Receipt saved to %1</source>
            <translation>小票已保存到 %1</translation>
        </message>
    </context>
    <context>
        <name>RedirectPage</name>
        <message>
            <source>PAYMENT LINK</source>
            <extracomment>Status line tones (the stylesheet colours them). Answers without a verified code after which the operator is asked (Retry / Cancel). answers in a row without a verified code (0: code shown) In-store: print the order code on the till's ESC/POS printer (shown when one is set)</extracomment>
            <translation>支付链接</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>New code</source>
            <translation>重新生成二维码</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Print code</source>
            <translation>打印二维码</translation>
        </message>
        <message>
            <source>Sandbox wallet:</source>
            <translation>沙箱钱包：</translation>
        </message>
        <message>
            <source>Pay</source>
            <translation>支付</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Let expire</source>
            <translation>使其过期</translation>
        </message>
        <message>
            <source>Customer pays automatically after</source>
            <translation>顾客自动付款，延迟</translation>
        </message>
        <message>
            <source>Demo mode: the sandbox wallet pays each new code by itself after the delay</source>
            <translation>演示模式：沙箱钱包在延迟后自动支付每个新付款码</translation>
        </message>
        <message>
            <source>Scan with %1 to pay</source>
            <translation>请使用%1扫码支付</translation>
        </message>
        <message>
            <source>Waiting for the customer…</source>
            <translation>等待顾客支付…</translation>
        </message>
        <message>
            <source>No code yet</source>
            <translation>暂无二维码</translation>
        </message>
        <message>
            <source>Nothing to scan yet</source>
            <translation>暂时没有可扫描的二维码</translation>
        </message>
        <message>
            <source>Gateway answer: %1</source>
            <translation>网关应答：%1</translation>
        </message>
        <message>
            <source>Connection lost — retrying…</source>
            <translation>连接中断——正在重试…</translation>
        </message>
        <message>
            <source>The payment code has not arrived in a verified answer yet. Asking the gateway again…</source>
            <translation>尚未收到经验签的支付二维码，正在重新向网关请求…</translation>
        </message>
        <message>
            <source>The gateway cannot be reached, so there is no code to show the customer. Retry, or cancel the payment.</source>
            <translation>无法连接网关，因此没有可向顾客展示的二维码。请重试或取消支付。</translation>
        </message>
        <message>
            <source>The payment code could not be verified, so none is shown to the customer. Retry, or cancel the payment.</source>
            <translation>支付二维码未能通过验签，因此未向顾客展示。请重试或取消支付。</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>This code can no longer be paid</source>
            <translation>此二维码已无法支付</translation>
        </message>
        <message>
            <source>This code has expired. Make a new one to try again.</source>
            <translation>二维码已过期，请重新生成后再试。</translation>
        </message>
        <message>
            <source>Link copied</source>
            <translation>链接已复制</translation>
        </message>
        <message>
            <source>No app handles this link; opened the web (H5) page</source>
            <translation>没有应用能打开此链接，已改为打开网页（H5）收银台</translation>
        </message>
        <message>
            <source>No web browser or wallet app on this computer can open the link. Press Copy to copy it, or let the customer scan the code.</source>
            <translation>此电脑上没有可以打开该链接的网页浏览器或钱包应用。请按“复制”复制链接，或请顾客扫码。</translation>
        </message>
        <message>
            <source>Customer will pay in %1 s (demo)</source>
            <translation>顾客将在 %1 秒后付款（演示）</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Cancel payment</source>
            <translation>取消支付</translation>
        </message>
        <message>
            <source>Asking the gateway again…</source>
            <translation>正在重新向网关请求…</translation>
        </message>
        <message>
            <source>Cancel the payment of %1? The customer's code stops working; if they pay now, the money goes back.</source>
            <translation>取消 %1 的支付？顾客的付款码将失效；如果顾客此刻付款，款项会退回。</translation>
        </message>
        <message>
            <source>Keep waiting</source>
            <translation>继续等待</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Sale of %1</source>
            <translation>交易金额 %1</translation>
        </message>
        <message>
            <source>Refundable: %1</source>
            <translation>可退金额：%1</translation>
        </message>
        <message>
            <source>Everything left</source>
            <translation>全部剩余金额</translation>
        </message>
        <message>
            <source>Part of it</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <source>Amount (%1)</source>
            <translation>金额（%1）</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Nothing is left to refund.</source>
            <translation>已无可退金额。</translation>
        </message>
        <message>
            <source>Refund %1</source>
            <translation>退款 %1</translation>
        </message>
        <message>
            <source>Refund %1 to the customer's wallet? This cannot be undone.</source>
            <translation>将 %1 退回顾客的钱包？此操作无法撤销。</translation>
        </message>
        <message>
            <source>Don't refund</source>
            <translation>不退款</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>Wallet</source>
            <extracomment>the whole store's day (store mode), when shown the journal changed while the page was hidden</extracomment>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>笔数</translation>
        </message>
        <message>
            <source>Sales amount</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款笔数</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>退款额</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>净额</translation>
        </message>
        <message>
            <source>Not final</source>
            <translation>未终态</translation>
        </message>
        <message>
            <source>Sales by wallet; the hatched end is refunded, the figure is the net</source>
            <translation>按钱包统计的销售额；斜线部分为已退款，数字为净额</translation>
        </message>
        <message>
            <source>No sales on this day</source>
            <translation>当天没有销售</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>请求单号</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Previous day</source>
            <translation>前一天</translation>
        </message>
        <message>
            <source>Next day</source>
            <translation>后一天</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>By wallet</source>
            <translation>按钱包</translation>
        </message>
        <message>
            <source>By operator (shift)</source>
            <translation>按操作员（班次）</translation>
        </message>
        <message>
            <source>This till</source>
            <translation>本收银台</translation>
        </message>
        <message>
            <source>Whole store</source>
            <translation>全店</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>By till</source>
            <translation>按收银台</translation>
        </message>
        <message>
            <source>Adding up…</source>
            <translation>统计中…</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>(no operator)</source>
            <translation>（无操作员）</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Payments and refunds not final yet: re-inquire them in History</source>
            <translation>尚未终态的支付和退款：请在交易记录中重新查询</translation>
        </message>
        <message>
            <source>Net: %1</source>
            <translation>净额：%1</translation>
        </message>
        <message>
            <source>in-store, scanned code</source>
            <translation>线下扫码</translation>
        </message>
        <message>
            <source>in-store, order code</source>
            <translation>线下订单码</translation>
        </message>
        <message>
            <source>%1: %2 sale(s), %3</source>
            <translation>%1：%2 笔，%3</translation>
        </message>
        <message>
            <source>No payments on %1</source>
            <translation>%1 没有支付</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message numerus="yes">
            <source>⚠ %n payment(s) or refund(s) of this day are not final: the totals may still change. Re-inquire them in History.</source>
            <translation>
                <numerusform>⚠ 当天有 %n 笔支付或退款尚未终态，合计金额可能还会变化。请在交易记录中重新查询。</numerusform>
            </translation>
        </message>
        <message>
            <source>✓ Every payment of this day is final.</source>
            <translation>✓ 当天所有支付均已终态。</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>导出报表</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>正在写入 %1…</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>The whole store cannot be shown now. “This till” still shows this till's own End of day.</source>
            <translation>现在无法显示全店数据。“本收银台”仍可查看本收银台自己的日结。</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>收银台</translation>
        </message>
        <message>
            <source>Whole store · Net: %1</source>
            <translation>全店 · 净额：%1</translation>
        </message>
        <message>
            <source>No payments in the store on %1</source>
            <translation>%1 全店没有交易</translation>
        </message>
        <message>
            <source>⚠ %1 payment(s) or refund(s) of the store are not final: the tills' History lists them.</source>
            <translation>⚠ 全店有 %1 笔支付或退款未终态：各收银台的交易记录中列出了它们。</translation>
        </message>
        <message>
            <source>✓ Every payment of the store on this day is final.</source>
            <translation>✓ 全店当天所有支付均已终态。</translation>
        </message>
    </context>
    <context>
        <name>ResultActions</name>
        <message>
            <source>this payment is already fully refunded</source>
            <translation>该笔支付已全额退款</translation>
        </message>
        <message>
            <source>A manager's PIN is needed to refund %1.</source>
            <translation>退款 %1 需要经理的 PIN 码。</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <source>New sale</source>
            <extracomment>Outcomes that offer Try again: nothing was charged and the customer is still there.</extracomment>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Refund…</source>
            <translation>退款…</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Same amount and order; choose a wallet again</source>
            <translation>相同金额和订单，重新选择钱包</translation>
        </message>
        <message>
            <source>Print receipt…</source>
            <translation>打印小票…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <source>Payment received</source>
            <translation>收款成功</translation>
        </message>
        <message>
            <source>Payment failed</source>
            <translation>支付失败</translation>
        </message>
        <message>
            <source>Payment cancelled</source>
            <translation>支付已取消</translation>
        </message>
        <message>
            <source>Payment expired</source>
            <translation>支付已过期</translation>
        </message>
        <message>
            <source>Result not known yet</source>
            <translation>结果暂未知</translation>
        </message>
        <message>
            <source>Wallet</source>
            <translation>支付方式</translation>
        </message>
        <message>
            <source>Payment id</source>
            <translation>支付单号</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Paid with</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Result code: %1</source>
            <translation>结果码：%1</translation>
        </message>
        <message>
            <source>Alipay client: %1</source>
            <translation>支付宝客户端：%1</translation>
        </message>
        <message>
            <source>Payment Kit code: %1</source>
            <translation>Payment Kit 错误码：%1</translation>
        </message>
        <message>
            <source>Refunding…</source>
            <translation>退款中…</translation>
        </message>
        <message>
            <source>Refunded %1</source>
            <translation>已退款 %1</translation>
        </message>
        <message>
            <source>Refund of %1 is being processed</source>
            <translation>%1 的退款处理中</translation>
        </message>
        <message>
            <source>Refund of %1 failed</source>
            <translation>%1 的退款失败</translation>
        </message>
        <message>
            <source>Refund of %1: result not known yet</source>
            <translation>%1 的退款：结果暂未知</translation>
        </message>
        <message>
            <source>Refund not done: %1</source>
            <translation>未退款：%1</translation>
        </message>
        <message>
            <source>Refund pending</source>
            <translation>退款处理中</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Partly refunded · %1 left</source>
            <translation>部分退款 · 剩余 %1</translation>
        </message>
    </context>
    <context>
        <name>SaleFlow</name>
        <message>
            <source>Nothing was sent to the gateway: no payment was taken. Free disk space (or fix the journal), then confirm again.</source>
            <extracomment>when one is open the one this flow follows (follow_journal) In-store: the till scans the customer's code (ui/instore_flow.py does that part). "Could not cancel" is on screen for this payment</extracomment>
            <translation>没有向网关发送任何内容：未收取任何款项。请释放磁盘空间（或修复交易日志），然后再次确认。</translation>
        </message>
        <message>
            <source>The attempt is saved and will be checked again; you can confirm to try once more.</source>
            <translation>本次尝试已记录，稍后会再次查询；您也可以再次确认重试。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>查询中…</translation>
        </message>
        <message>
            <source>Waiting for the customer…</source>
            <translation>等待顾客支付…</translation>
        </message>
        <message>
            <source>Connection lost — retrying…</source>
            <translation>连接中断——正在重试…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Could not cancel: %1</source>
            <translation>无法取消：%1</translation>
        </message>
        <message>
            <source>Making a new code…</source>
            <translation>正在生成新二维码…</translation>
        </message>
        <message>
            <source>No new code: %1</source>
            <translation>未能生成新二维码：%1</translation>
        </message>
        <message>
            <source>Wallet simulator: %1</source>
            <translation>钱包模拟器：%1</translation>
        </message>
    </context>
    <context>
        <name>ScanPage</name>
        <message>
            <source>Scan the customer's payment code</source>
            <translation>请扫描顾客的付款码</translation>
        </message>
        <message>
            <source>Point the scanner at the barcode or QR in the customer's wallet. You can also type or paste the code and press Enter.</source>
            <extracomment>Named so that pyside6-lupdate finds the texts (context "ScanPage", as self.tr would). U: the time left of the in-store window (UpmPolicy) before the till cancels</extracomment>
            <translation>将扫码枪对准顾客钱包中的条码或二维码，也可以输入或粘贴付款码后按回车。</translation>
        </message>
        <message>
            <source>Payment code</source>
            <translation>付款码</translation>
        </message>
        <message>
            <source>Charge</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Scan again</source>
            <translation>重新扫码</translation>
        </message>
        <message>
            <source>Cancel payment</source>
            <translation>取消支付</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>New sale</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>The customer confirms in the wallet</source>
            <translation>顾客正在钱包中确认</translation>
        </message>
        <message>
            <source>Waiting for the code…</source>
            <translation>等待付款码…</translation>
        </message>
        <message>
            <source>Charging the customer's wallet…</source>
            <translation>正在向顾客钱包扣款…</translation>
        </message>
        <message>
            <source>Waiting for the customer to confirm in the wallet…</source>
            <translation>等待顾客在钱包中确认…</translation>
        </message>
        <message>
            <source>%1 left</source>
            <translation>剩余 %1</translation>
        </message>
        <message>
            <source>%1  (%2 digits)</source>
            <translation>%1（%2 位）</translation>
        </message>
        <message>
            <source>Cancel the payment of %1? If the customer confirms it in the wallet now, the money goes back.</source>
            <translation>取消 %1 的支付？如果顾客此刻在钱包中确认付款，款项会退回。</translation>
        </message>
        <message>
            <source>Keep waiting</source>
            <translation>继续等待</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>Scenario</name>
        <message>
            <source>every API answer (or one API's) comes N ms late</source>
            <translation>每个接口（或某一接口）的应答延迟 N 毫秒</translation>
        </message>
        <message>
            <source>every API answer is signed with a Response-Time N s off the gateway's clock</source>
            <translation>每个接口应答的 Response-Time 与网关时钟相差 N 秒</translation>
        </message>
        <message>
            <source>flip a bit, leave it out, change the body, or a bad Response-Time</source>
            <translation>翻转一位、省略签名、改动应答体，或错误的 Response-Time</translation>
        </message>
        <message>
            <source>how many calls it strikes</source>
            <translation>影响的调用次数</translation>
        </message>
        <message>
            <source>how many refunds it strikes</source>
            <translation>影响的退款次数</translation>
        </message>
        <message>
            <source>limit it to one API (default: every API)</source>
            <translation>仅限某一接口（默认：所有接口）</translation>
        </message>
        <message>
            <source>milliseconds of delay</source>
            <translation>延迟的毫秒数</translation>
        </message>
        <message>
            <source>paid, but inquiries fail: the result arrives only by a notification N s late</source>
            <translation>已付款，但查询失败：结果只通过延迟 N 秒的通知送达</translation>
        </message>
        <message>
            <source>paid, but inquiries fail: the result arrives only by a notification sent twice</source>
            <translation>已付款，但查询失败：结果只通过发送两次的通知送达</translation>
        </message>
        <message>
            <source>refunds answer U / REFUND_IN_PROCESS and settle N s later (notifyRefund follows)</source>
            <translation>退款应答 U / REFUND_IN_PROCESS，N 秒后完成（随后发送 notifyRefund）</translation>
        </message>
        <message>
            <source>seconds ahead (negative: behind)</source>
            <translation>超前的秒数（负数：落后）</translation>
        </message>
        <message>
            <source>seconds the connection is held silent</source>
            <translation>连接保持无响应的秒数</translation>
        </message>
        <message>
            <source>seconds the notification is held back</source>
            <translation>通知被推迟的秒数</translation>
        </message>
        <message>
            <source>seconds the result stays pending</source>
            <translation>结果保持待定的秒数</translation>
        </message>
        <message>
            <source>seconds until the customer declines</source>
            <translation>顾客拒绝前的秒数</translation>
        </message>
        <message>
            <source>seconds until the customer pays</source>
            <translation>顾客付款前的秒数</translation>
        </message>
        <message>
            <source>seconds until the payment expires</source>
            <translation>支付过期前的秒数</translation>
        </message>
        <message>
            <source>seconds until the refund settles</source>
            <translation>退款完成前的秒数</translation>
        </message>
        <message>
            <source>the HTTP status</source>
            <translation>HTTP 状态码</translation>
        </message>
        <message>
            <source>the customer completes it, PAYMENT_PENDING for N s, then the result</source>
            <translation>顾客完成支付，PAYMENT_PENDING 持续 N 秒，然后给出结果</translation>
        </message>
        <message>
            <source>the customer declines in the wallet N s after the payment is created</source>
            <translation>支付创建 N 秒后，顾客在钱包中拒绝</translation>
        </message>
        <message>
            <source>the customer never pays: the payment expires N s after it is created</source>
            <translation>顾客始终不付款：支付在创建 N 秒后过期</translation>
        </message>
        <message>
            <source>the customer pays in the wallet N s after the payment is created</source>
            <translation>支付创建 N 秒后，顾客在钱包中付款</translation>
        </message>
        <message>
            <source>the final result</source>
            <translation>最终结果</translation>
        </message>
        <message>
            <source>the next N API answers are signed with a key that is not the gateway's</source>
            <translation>接下来 N 次接口应答使用非网关的密钥签名</translation>
        </message>
        <message>
            <source>the next N API answers carry a signature that does not verify (mode: how)</source>
            <translation>接下来 N 次接口应答的签名无法验证（mode：方式）</translation>
        </message>
        <message>
            <source>the next N API calls answer HTTP 200 with a signed body cut short (not JSON)</source>
            <translation>接下来 N 次接口调用返回 HTTP 200，应答体已签名但被截断（不是 JSON）</translation>
        </message>
        <message>
            <source>the next N API calls answer HTTP 500/502/503 with no Antom body</source>
            <translation>接下来 N 次接口调用返回 HTTP 500/502/503，无 Antom 应答体</translation>
        </message>
        <message>
            <source>the next N API calls are processed but answer U / UNKNOWN_EXCEPTION, then success</source>
            <translation>接下来 N 次接口调用被处理但应答 U / UNKNOWN_EXCEPTION，之后成功</translation>
        </message>
        <message>
            <source>the next N API calls are processed but never answered (the client times out)</source>
            <translation>接下来 N 次接口调用被处理但始终不应答（客户端超时）</translation>
        </message>
        <message>
            <source>the next N API calls are processed, then the connection is reset (TCP RST)</source>
            <translation>接下来 N 次接口调用被处理后连接被重置（TCP RST）</translation>
        </message>
        <message>
            <source>the next N API calls are refused U / REQUEST_TRAFFIC_EXCEED_LIMIT (not processed)</source>
            <translation>接下来 N 次接口调用被拒绝 U / REQUEST_TRAFFIC_EXCEED_LIMIT（未处理）</translation>
        </message>
        <message>
            <source>the payer-side result code</source>
            <translation>付款方的结果码</translation>
        </message>
    </context>
    <context>
        <name>ScenarioPanel</name>
        <message>
            <source>Scenarios work only with the embedded sandbox or a sandbox on this computer (a loopback http:// gateway).</source>
            <extracomment>the translation context of the catalog's texts</extracomment>
            <translation>场景仅适用于内置沙箱或本机上的沙箱（环回地址的 http:// 网关）。</translation>
        </message>
        <message>
            <source>Play scenario</source>
            <translation>运行场景</translation>
        </message>
        <message>
            <source>Clear scenario</source>
            <translation>清除场景</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <source>Playing %1.</source>
            <translation>正在运行 %1。</translation>
        </message>
        <message>
            <source>Scenario cleared.</source>
            <translation>场景已清除。</translation>
        </message>
        <message>
            <source>Talking to the sandbox…</source>
            <translation>正在与沙箱通信…</translation>
        </message>
        <message>
            <source>Active scenario: %1</source>
            <translation>当前场景：%1</translation>
        </message>
        <message>
            <source>No active scenario</source>
            <translation>没有运行中的场景</translation>
        </message>
        <message>
            <source>Sandbox: %1</source>
            <translation>沙箱：%1</translation>
        </message>
        <message>
            <source>all APIs</source>
            <translation>全部接口</translation>
        </message>
    </context>
    <context>
        <name>StartingPage</name>
        <message>
            <source>Starting the cashier…</source>
            <translation>收银台启动中…</translation>
        </message>
        <message>
            <source>Opening the journal, loading the merchant keys and connecting to the gateway.</source>
            <translation>正在打开交易日志、加载商户密钥并连接网关。</translation>
        </message>
        <message>
            <source>The cashier could not start</source>
            <translation>收银台无法启动</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>恢复备份</translation>
        </message>
    </context>
    <context>
        <name>argparse</name>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>有歧义的选项：%(option)s 可匹配 %(matches)s</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <source>error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>至少需要一个值</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>需要一个值</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>忽略了显式参数 %r</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 同时使用</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>必须提供参数 %s 之一</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>显示此帮助信息并退出</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>缺少必需的参数：%s</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
    </context>
</TS>