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
            <source>IDR amounts must be whole rupiah (the value must end in 00)</source>
            <translation>印尼盾金额必须为整卢比（数值须以 00 结尾）</translation>
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
            <source>a payment cannot go from {current} to {new}</source>
            <translation>支付状态不能从 {current} 变为 {new}</translation>
        </message>
        <message>
            <source>a standalone gateway needs {missing} as well</source>
            <translation>独立网关还需要 {missing}</translation>
        </message>
        <message>
            <source>active profile {name} is not defined in it</source>
            <translation>其中没有定义当前配置 {name}</translation>
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
            <source>cancel of payment {payment} is not confirmed: {problem}</source>
            <translation>支付 {payment} 的取消未获确认：{problem}</translation>
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
            <source>cannot subtract {other} from {currency}</source>
            <translation>不能从 {currency} 中减去 {other}</translation>
        </message>
        <message>
            <source>cannot use the operators file {path}: {problem}</source>
            <translation>无法使用操作员文件 {path}：{problem}</translation>
        </message>
        <message>
            <source>client id is missing: copy it from the Antom Dashboard</source>
            <translation>缺少客户端 ID：请从 Antom 控制台复制</translation>
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
            <source>environment {environment} is not one of {choices}</source>
            <translation>环境 {environment} 不是以下之一：{choices}</translation>
        </message>
        <message>
            <source>format version {version} is not supported (this app reads version {supported})</source>
            <translation>不支持格式版本 {version}（本应用读取版本 {supported}）</translation>
        </message>
        <message>
            <source>gateway URL</source>
            <translation>网关 URL</translation>
        </message>
        <message>
            <source>gateway URL is missing (a preset: {presets}; or an https:// URL)</source>
            <translation>缺少网关 URL（预设：{presets}；或一个 https:// URL）</translation>
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
            <source>it cannot be read ({reason})</source>
            <translation>无法读取（{reason}）</translation>
        </message>
        <message>
            <source>it is empty (a half-written save?)</source>
            <translation>文件为空（是否只保存了一半？）</translation>
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
            <source>key version {version} is invalid: a positive whole number such as 1 (the Antom Dashboard shows it next to the key)</source>
            <translation>密钥版本 {version} 无效：应为正整数，例如 1（Antom 控制台在密钥旁显示）</translation>
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
            <source>no receipt printer is set for this till</source>
            <translation>此收银台未设置小票打印机</translation>
        </message>
        <message>
            <source>no wallet enabled: enable at least one paymentMethodType</source>
            <translation>未启用任何钱包：请至少启用一种钱包</translation>
        </message>
        <message>
            <source>none of the enabled wallets ({wallets}) accepts {currency}; enable a wallet for {currency} or change the currency</source>
            <translation>已启用的钱包（{wallets}）都不支持 {currency}；请启用支持 {currency} 的钱包或更换币种</translation>
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
            <source>refund currency {currency} differs from the payment's {paid}</source>
            <translation>退款币种 {currency} 与支付币种 {paid} 不同</translation>
        </message>
        <message>
            <source>refund of {amount} is more than the {left} left to refund</source>
            <translation>退款 {amount} 超过剩余可退金额 {left}</translation>
        </message>
        <message>
            <source>refund reason is longer than 256 characters</source>
            <translation>退款原因超过 256 个字符</translation>
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
            <source>that PIN is too easy to guess (one digit repeated, or a run such as 1234); choose another</source>
            <translation>这个 PIN 码太容易被猜到（同一数字重复，或 1234 这样的连续数字）；请换一个</translation>
        </message>
        <message>
            <source>the amount that asks for confirmation ({confirm}) is more than the largest sale ({limit})</source>
            <translation>需确认的金额起点（{confirm}）高于单笔最高金额（{limit}）</translation>
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
            <source>the journal could not record payment {payment} ({problem}): the payment may have been taken; free disk space, then run cashier recover</source>
            <translation>交易日志无法记录支付 {payment}（{problem}）：这笔款项可能已被收取；请释放磁盘空间，然后运行 cashier recover</translation>
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
            <source>the role must be cashier or manager</source>
            <translation>角色必须是收银员或经理</translation>
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
            <source>there is already an operator {name}</source>
            <translation>已有操作员 {name}</translation>
        </message>
        <message>
            <source>there is no operator {name}</source>
            <translation>没有操作员 {name}</translation>
        </message>
        <message>
            <source>this payment code was already used at this till; ask the customer to refresh it</source>
            <translation>此付款码已在本收银台使用过，请顾客刷新付款码</translation>
        </message>
        <message>
            <source>unknown payment method {method}</source>
            <translation>未知的支付方式 {method}</translation>
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
            <source>wrong PIN for {name}: the account is now locked until {until} (in {minutes} min)</source>
            <translation>{name} 的 PIN 码错误：账户现已锁定，{until} 解锁（还有 {minutes} 分钟）</translation>
        </message>
        <message>
            <source>wrong PIN for {name}: {left} more tries before the account is locked</source>
            <translation>{name} 的 PIN 码错误：再错 {left} 次账户将被锁定</translation>
        </message>
        <message>
            <source>{amount} is more than the largest sale this till takes ({limit})</source>
            <translation>{amount} 超过本收银台的单笔最高金额（{limit}）</translation>
        </message>
        <message>
            <source>{api}: answer has no {header} header</source>
            <translation>{api}：应答缺少 {header} 头</translation>
        </message>
        <message>
            <source>{api}: answer is for client-id {client}, not ours</source>
            <translation>{api}：应答的 client-id 是 {client}，不是我们的</translation>
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
            <source>{field} must be a positive whole number of minor units</source>
            <translation>{field} 必须是正整数（最小货币单位）</translation>
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
            <source>{name} header is missing</source>
            <translation>缺少 {name} 头</translation>
        </message>
        <message>
            <source>{name} is a cashier: only a manager's PIN can approve this</source>
            <translation>{name} 是收银员：只有经理的 PIN 码才能批准此操作</translation>
        </message>
        <message>
            <source>{name} is locked after {count} wrong PINs until {until} (in {minutes} min); a manager can unlock it sooner</source>
            <translation>{name} 因 {count} 次 PIN 码错误已被锁定，{until} 解锁（还有 {minutes} 分钟）；经理可以提前解锁</translation>
        </message>
        <message>
            <source>{name} is the last manager: add another manager first</source>
            <translation>{name} 是最后一位经理：请先添加另一位经理</translation>
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
            <extracomment>show title_zh / caption_zh what a timer or a key runs next a newer schedule or a skip voids older timers step number -&gt; settled PaymentRecord what the banner says, as plain text (tests, logs)</extracomment>
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
            <extracomment>Rows kept by default; the oldest go first. set by each subclass</extracomment>
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
            <extracomment>Statuses an operator may still cancel: nobody has paid yet, as far as we know. the journal changed while the page was hidden the payment to select again once the list has reloaded</extracomment>
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
            <extracomment>The translation context of every error template.</extracomment>
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
            <source>Demo keys live in memory only — nothing is charged</source>
            <translation>演示密钥仅保存在内存中——不会真实扣款</translation>
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
            <source>Sign out: Ctrl+L</source>
            <translation>退出登录：Ctrl+L</translation>
        </message>
        <message>
            <source>%1 · store offline</source>
            <translation>%1 · 门店服务器离线</translation>
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
        <name>PaymentsModel</name>
        <message>
            <source>Unknown wallet</source>
            <extracomment>Text colour of each status in the table (readable on a light background). Text colour of a paid sale that is (partly) refunded. inclusive, timezone-aware exclusive, timezone-aware</extracomment>
            <translation>未知钱包</translation>
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
            <extracomment>store mode, whole store: the till each sale was taken at minor units refunded, by paymentRequestId repeats seen, so the next offset still moves forward</extracomment>
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
            <extracomment>The picker's first row for an in-store profile: not a wallet, the till's scanner.</extracomment>
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
            <extracomment>A settings dialog is used with a mouse: denser buttons than the touch-sized sale pages.</extracomment>
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
            <source>Profile %1 is now active; the cashier restarts with it.</source>
            <translation>配置 %1 已设为当前；收银台将以此配置重新启动。</translation>
        </message>
        <message>
            <source>Key file passphrase</source>
            <translation>密钥文件口令</translation>
        </message>
        <message>
            <source>No OS keyring is available, so keys are kept in an encrypted file.
Passphrase of the key file (a new file is created with it):</source>
            <translation>没有可用的系统钥匙串，密钥将保存在加密文件中。
密钥文件的口令（新文件将使用此口令创建）：</translation>
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
            <source>%1 is more than the %2 left to refund</source>
            <translation>%1 超过了剩余可退金额 %2</translation>
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
            <source>Payments not final yet: re-inquire them in History</source>
            <translation>尚未终态的支付：请在交易记录中重新查询</translation>
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
            <source>⚠ %1 payment(s) of the store are not final: the tills' History lists them.</source>
            <translation>⚠ 全店有 %1 笔支付未终态：各收银台的交易记录中列出了它们。</translation>
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
            <extracomment>Named so that pyside6-lupdate finds the texts (context "ScanPage", as self.tr would). U: the time left of the in-store window (UpmPolicy) before the till cancels</extracomment>
            <translation>请扫描顾客的付款码</translation>
        </message>
        <message>
            <source>Point the scanner at the barcode or QR in the customer's wallet. You can also type or paste the code and press Enter.</source>
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
</TS>