"""Refresh cashier_app/resources/i18n/cashier_zh_CN.ts from the GUI sources and fill new entries.

Runs ``pyside6-lupdate`` over ``cashier_app/ui`` (new ``self.tr`` texts appear as
"unfinished"), then fills every unfinished entry whose English text is in ``ZH_CN`` below.
Translations edited by hand in the .ts (e.g. with Qt Linguist) are kept; the .qm is then
rebuilt (scripts/build_translations.py, also `make translations`). Usage:

    .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "cashier_app" / "resources" / "i18n" / "cashier_zh_CN.ts"
ERROR_CONTEXT = "CashierError"  #: templates of cashier_app.domain.errors.CashierError
sys.path.insert(0, str(ROOT))

#: One term per concept in zh_CN: the English concept, the term every translation uses,
#: and the words that must not stand for it (tests/install/test_translations.py checks the
#: .ts against this). Add a row when a new concept gets a word.
GLOSSARY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cancel (a payment)", "取消", ("撤销",)),  # 撤销 only for "cannot be undone"
    ("refund", "退款", ("退货", "退钱")),
    ("expired", "已过期", ("已失效",)),
    ("payment code (the customer's)", "付款码", ("支付码", "收款码")),
    ("QR code (ours)", "二维码", ()),
    ("Alipay app / Alipay client", "支付宝客户端", ("支付宝 App", "支付宝App", "支付宝应用")),
    ("client id", "客户端 ID", ("商户编号", "客户编号")),
    ("merchant", "商户", ("商家",)),
    ("operator (a person who signs in)", "操作员", ()),
    ("cashier (the role)", "收银员", ()),
    ("the app, the till", "收银台", ("收银机",)),
    ("customer", "顾客", ("用户",)),
    ("wallet", "钱包", ()),
    ("profile", "配置", ("档案",)),
    ("passphrase", "口令", ("密码",)),
    ("journal", "交易日志", ("流水",)),
    ("gateway", "网关", ()),
    ("sandbox", "沙箱", ("沙盒",)),
    ("verify a signature", "验签", ("签名验证",)),
    ("History (the page)", "交易记录", ()),
)
#: Sources in which an avoided word is right: "cannot be undone" is 无法撤销; a URL's
#: user name and password (not our customer, not the key file's passphrase).
GLOSSARY_EXCEPTIONS = {"撤销": ("undone",), "用户": ("user name",), "密码": ("password",)}

ZH_CN: dict[str, str] = {
    # window, menus, status bar
    "Cashier": "收银台",
    "New sale": "新交易",
    "History": "交易记录",
    "End of day": "日结",
    "Customer display": "顾客显示屏",
    "Quit": "退出",
    "&Sale": "交易(&S)",
    "&Records": "记录(&R)",
    "Main": "主工具栏",
    "Could not check unfinished payments: %1": "无法检查未完成的支付：%1",
    "Embedded sandbox": "内置沙箱",
    "Antom sandbox": "Antom 沙箱",
    "Live": "正式环境",
    "Profile %1 · %2 · %3 · %4": "配置 %1 · %2 · %3 · %4",
    "Demo keys live in memory only — nothing is charged": "演示密钥仅保存在内存中——不会真实扣款",
    "Recovered %1 unfinished payment(s) from the last session: %2. See History for details.": "已恢复上次会话中 %1 笔未完成的支付：%2。详情请查看交易记录。",
    "This page is not available: %1": "此页面不可用：%1",
    "Another cashier is using this profile; its unfinished payments are left to it.": "另一个收银台正在使用此配置；其未完成的支付由它处理。",
    "Unlock keys": "解锁密钥",
    "Gateway: checking…": "网关：检查中…",
    "Gateway ✓ %1 ms": "网关 ✓ %1 毫秒",
    "Gateway ✗": "网关 ✗",
    "The amount takes only the digits 0-9 and a decimal point (at most %1 characters)": "金额只能包含数字 0-9 和一个小数点（最多 %1 个字符）",
    "Gateway check failed: %1": "网关检查失败：%1",
    # Setup → Wallet page for phones (issue 16: a real phone in the demo)
    "Wallet page for phones…": "手机钱包页面…",
    "Wallet page for phones": "手机钱包页面",
    "Serve the sandbox's wallet page on this computer's network address, so a phone on the same Wi-Fi can scan a sale's QR code and pay on it. Each start makes a new secret token that the QR codes carry; without it the pages refuse.": "在本机的网络地址上提供沙箱钱包页面，让同一 Wi-Fi 下的手机扫描交易二维码并在手机上付款。每次启动都会生成新的密钥令牌，由二维码携带；没有令牌的访问会被拒绝。",
    "This computer's address": "本机地址",
    "Port": "端口",
    "any free port": "任意空闲端口",
    "Start": "启动",
    "Stop": "停止",
    "This computer shows no network address a phone could reach: connect it to the phone's Wi-Fi, or type the address.": "本机没有手机可访问的网络地址：请连接到手机所在的 Wi-Fi，或手动输入地址。",
    "Phones open the wallet page at %1": "手机通过 %1 打开钱包页面",
    "Sales started from now on show a QR code a phone can open.": "从现在开始的交易会显示手机可打开的二维码。",
    "If the phone cannot open the page:": "如果手机无法打开页面：",
    "• the phone must be on the same network as this computer (a guest or isolated Wi-Fi keeps devices apart; mobile data cannot reach it);": "• 手机必须与本机在同一网络（访客或隔离的 Wi-Fi 会隔开设备；移动数据无法访问）；",
    "• %1 must be this computer's address on that network;": "• %1 必须是本机在该网络中的地址；",
    "• the firewall must let in TCP port %1;": "• 防火墙必须放行 TCP 端口 %1；",
    "• it is plain http: if the phone's browser warns, choose to continue.": "• 这是普通 http：如果手机浏览器提示警告，请选择继续。",
    "%1 is a loopback address: only this computer can open it.": "%1 是回环地址：只有本机能打开。",
    "Starting on %1…": "正在 %1 上启动…",
    "Stopped: the QR codes point to this computer only.": "已停止：二维码只指向本机。",
    "Could not start: %1": "无法启动：%1",
    # cashier demo FILE: the demo player's banner
    "Demo: %1 — starting…": "演示：%1 —— 正在开始…",
    "Paused — Space: go on": "已暂停 —— 空格键：继续",
    "Press → to go on · Space: pause": "按 → 继续 · 空格键：暂停",
    "Space: pause · →: next": "空格键：暂停 · →：下一步",
    "%1 · step %2 of %3": "%1 · 第 %2 步，共 %3 步",
    "This demo needs the embedded sandbox.": "此演示需要内置沙箱。",
    "Demo finished: %1 of %2 steps as expected.": "演示结束：%2 步中有 %1 步符合预期。",
    "✓ %1, as expected": "✓ %1，符合预期",
    "✗ %1 (expected %2)": "✗ %1（预期 %2）",
    "✗ no final state in time": "✗ 未能及时得到最终状态",
    "✗ its sale was not paid": "✗ 对应的交易未支付",
    "✗ %1": "✗ %1",
    # error templates (context CashierError; placeholders stay as they are)
    "currency is missing": "缺少币种",
    "currency {currency} is not a three-letter ISO 4217 code": "币种 {currency} 不是三位字母的 ISO 4217 代码",
    "currency {currency} is not supported (supported: {supported})": "不支持币种 {currency}（支持：{supported}）",
    "amount value must be an integer number of minor units, not {type}": "金额必须是以最小货币单位表示的整数，而不是 {type}",
    "amount must be greater than zero": "金额必须大于零",
    "amount has more than {digits} digits": "金额超过 {digits} 位数字",
    "IDR amounts must be whole rupiah (the value must end in 00)": "印尼盾金额必须为整卢比（数值须以 00 结尾）",
    "amount must be text such as 12.30": "金额必须是文本，例如 12.30",
    "amount is empty": "金额为空",
    "amount {text} must be typed with the digits 0-9": "金额 {text} 必须使用数字 0-9 输入",
    "amount {text}: a comma only groups thousands (1,234.50); use '.' for decimals": "金额 {text}：逗号只能用作千位分隔（1,234.50）；小数请用“.”",
    "amount must not be negative": "金额不能为负数",
    "the published embedded-sandbox demo merchant key cannot be used for {target}: its "
    "private half is public, so nothing signed with it can be trusted; generate or import "
    "this profile's own keys": "公开的内置沙箱演示商户密钥不能用于 {target}：其私钥是公开的，用它签名的内容都不可信；"
    "请为此配置生成或导入自己的密钥",
    "the published embedded-sandbox demo gateway key cannot be used for {target}: its "
    "private half is public, so nothing signed with it can be trusted; import the "
    "gateway's real public key": "公开的内置沙箱演示网关密钥不能用于 {target}：其私钥是公开的，用它签名的内容都不可信；"
    "请导入网关真正的公钥",
    "amount {text} is not a number": "金额 {text} 不是数字",
    "{currency} has no minor unit: the amount must be a whole number": "{currency} 没有辅币单位：金额必须是整数",
    "{currency} allows at most {digits} decimal places": "{currency} 最多允许 {digits} 位小数",
    "amount value {text} is not a string of digits": "金额数值 {text} 不是数字串",
    "amount must be an object with currency and value": "金额必须是包含币种和数值的对象",
    "amount value is missing": "缺少金额数值",
    "cannot subtract {other} from {currency}": "不能从 {currency} 中减去 {other}",
    "unknown payment method {method}": "未知的支付方式 {method}",
    "No OS keyring is available, so keys are kept in an encrypted file. Enter its "
    "passphrase to see and change this profile's keys.": "没有可用的系统密钥环，密钥保存在加密文件中。请输入其口令以查看和修改此配置的密钥。",
    "a payment cannot go from {current} to {new}": "支付状态不能从 {current} 变为 {new}",
    "a standalone gateway needs {missing} as well": "独立网关还需要 {missing}",
    "at once": "立即",
    "%1 s": "%1 秒",
    "The keys of profile %1 are in the encrypted key file.\nEnter its passphrase:": "配置 %1 的密钥保存在加密密钥文件中。\n请输入其口令：",
    # starting page
    "Starting the cashier…": "收银台启动中…",
    "Opening the journal, loading the merchant keys and connecting to the gateway.": "正在打开交易日志、加载商户密钥并连接网关。",
    "The cashier could not start": "收银台无法启动",
    "Try again": "重试",
    # order page and keypad
    "AMOUNT (%1)": "金额（%1）",
    "WHAT IS IT FOR": "商品说明",
    "Trade summary shown to the customer": "向顾客展示的交易摘要",
    "REFERENCE ORDER ID": "商户订单号",
    "New id": "重新生成",
    "Charge": "收款",
    "Opening cashier…": "正在打开收银台…",
    "Invalid amount: %1": "金额无效：%1",
    "The reference order id contains control characters": "商户订单号包含控制字符",
    "C": "清除",
    "Delete last digit": "删除最后一位",
    "Clear amount": "清空金额",
    "Decimal point": "小数点",
    # picker
    "TOTAL TO PAY": "应付金额",
    "CHOOSE A WALLET": "选择支付方式",
    "Alipay and Alipay+ partner wallets accepted": "支持支付宝及 Alipay+ 合作钱包",
    "Cancel": "取消",
    "Merchant": "商户",
    "Creating payment…": "正在创建支付…",
    "Confirm": "确认支付",
    "Alipay+ partner wallets": "Alipay+ 合作钱包",
    "Any Alipay+ partner wallet": "任一 Alipay+ 合作钱包",
    "Alipay+ partner": "Alipay+ 合作伙伴",
    "Alipay app": "支付宝客户端",
    # redirect
    "PAYMENT LINK": "支付链接",
    "Copy": "复制",
    "Open": "打开",
    "New code": "重新生成二维码",
    "Customer pays automatically after": "顾客自动付款，延迟",
    "Demo mode: the sandbox wallet pays each new code by itself after the delay": "演示模式：沙箱钱包在延迟后自动支付每个新付款码",
    "Customer will pay in %1 s (demo)": "顾客将在 %1 秒后付款（演示）",
    "Sandbox wallet:": "沙箱钱包：",
    "Pay": "支付",
    "Decline": "拒绝",
    "Let expire": "使其过期",
    "Scan with %1 to pay": "请使用%1扫码支付",
    "Waiting for the customer…": "等待顾客支付…",
    "Expired": "已过期",
    "This code has expired. Make a new one to try again.": "二维码已过期，请重新生成后再试。",
    "Link copied": "链接已复制",
    "No app handles this link; opened the web (H5) page": "没有应用能打开此链接，已改为打开网页（H5）收银台",
    "Close": "关闭",
    "Cancel payment": "取消支付",
    "Expires in %1": "%1 后过期",
    "Checking…": "查询中…",
    "Connection lost — retrying…": "连接中断——正在重试…",
    "Cancelling…": "正在取消…",
    "Could not cancel: %1": "无法取消：%1",
    "Making a new code…": "正在生成新二维码…",
    "No new code: %1": "未能生成新二维码：%1",
    "Wallet simulator: %1": "钱包模拟器：%1",
    "The attempt is saved and will be checked again; you can confirm to try once more.": "本次尝试已记录，稍后会再次查询；您也可以再次确认重试。",
    # amounts and sale limits (issue 9 item 2)
    "“%1” cannot be part of an amount: type the digits 0-9 and one decimal point": "“%1”不能出现在金额中：请输入数字 0-9 和一个小数点",
    "%1 is more than the largest sale this till takes (%2)": "%1 超过本收银台的单笔最高金额（%2）",
    "Large sale": "大额交易",
    "Charge %1? From %2 on, the till asks before charging.": "确认收款 %1？金额达到 %2 及以上时，收银台会先请您确认。",
    "Largest sale": "单笔最高金额",
    "Ask before charging from": "需确认的金额起点",
    "Default: %1": "默认：%1",
    "{amount} is more than the largest sale this till takes ({limit})": "{amount} 超过本收银台的单笔最高金额（{limit}）",
    "{field} must be a positive whole number of minor units": "{field} 必须是正整数（最小货币单位）",
    "the amount that asks for confirmation ({confirm}) is more than the largest sale ({limit})": "需确认的金额起点（{confirm}）高于单笔最高金额（{limit}）",
    # no verified code (issue 9 item 3)
    "Retry": "重试",
    "No code yet": "暂无二维码",
    "Preparing the code…": "正在生成二维码…",
    "The amount typed while the cashier was starting is in the field: "
    "check the amount and press Enter to charge.": "收银台启动时输入的金额已填入：请核对金额后按回车收款。",
    "The keys typed while the cashier was starting were not used.": "收银台启动时输入的按键未被使用。",
    "Nothing to scan yet": "暂时没有可扫描的二维码",
    "Gateway answer: %1": "网关应答：%1",
    "The payment code has not arrived in a verified answer yet. Asking the gateway again…": "尚未收到经验签的支付二维码，正在重新向网关请求…",
    "The payment code could not be verified, so none is shown to the customer. Retry, or "
    "cancel the payment.": "支付二维码未能通过验签，因此未向顾客展示。请重试或取消支付。",
    "Asking the gateway again…": "正在重新向网关请求…",
    "The gateway cannot be reached, so there is no code to show the customer. Retry, or "
    "cancel the payment.": "无法连接网关，因此没有可向顾客展示的二维码。请重试或取消支付。",
    "One moment, please…": "请稍候…",
    # result
    "Refund…": "退款…",
    "Payment received": "收款成功",
    "Payment failed": "支付失败",
    "Payment cancelled": "支付已取消",
    "Payment expired": "支付已过期",
    "Result not known yet": "结果暂未知",
    "Wallet": "支付方式",
    "Payment id": "支付单号",
    "Order": "订单",
    "Time": "时间",
    "Result code: %1": "结果码：%1",
    "Alipay client: %1": "支付宝客户端：%1",
    "Payment Kit code: %1": "Payment Kit 错误码：%1",
    "Refunding…": "退款中…",
    "Refunded %1": "已退款 %1",
    "Refund of %1 is being processed": "%1 的退款处理中",
    "Refund of %1 failed": "%1 的退款失败",
    "Refund of %1: result not known yet": "%1 的退款：结果暂未知",
    "Refund not done: %1": "未退款：%1",
    "this payment is already fully refunded": "该笔支付已全额退款",
    # customer display
    "Welcome": "欢迎光临",
    "TOTAL": "合计",
    "Paying with %1": "使用%1支付",
    "Choose how you would like to pay": "请选择支付方式",
    "This code has expired": "二维码已过期",
    "Thank you!": "谢谢惠顾！",
    "The customer closed the cashier without paying": "顾客未支付就关闭了收银台",
    "This code can no longer be paid": "此二维码已无法支付",
    # refund dialog (shared with the history page)
    "Refund": "退款",
    "Refund %1": "退款 %1",
    "Sale of %1": "交易金额 %1",
    "Refundable: %1": "可退金额：%1",
    "Everything left": "全部剩余金额",
    "Part of it": "部分退款",
    "Amount (%1)": "金额（%1）",
    "Reason": "原因",
    "Optional": "选填",
    "Nothing is left to refund.": "已无可退金额。",
    "%1 is more than the %2 left to refund": "%1 超过了剩余可退金额 %2",
    # the counter flow (issue 9: back one step, try again, questions, refund state)
    "Back": "返回",
    "Back to the amount (Esc)": "返回金额输入（Esc）",
    "Keep waiting": "继续等待",
    "Cancel the payment of %1? The customer's code stops working; if they pay now, the "
    "money goes back.": "取消 %1 的支付？顾客的付款码将失效；如果顾客此刻付款，款项会退回。",
    "Same amount and order; choose a wallet again": "相同金额和订单，重新选择钱包",
    "Refunded": "已退款",
    "Partly refunded": "部分退款",
    "Partly refunded · %1 left": "部分退款 · 剩余 %1",
    "Refund %1 to the customer's wallet? This cannot be undone.": "将 %1 退回顾客的钱包？此操作无法撤销。",
    "Don't refund": "不退款",
    # a live payment survives closing (issue 9)
    "A payment is waiting": "有一笔支付正在等待",
    "The customer may be paying %1 right now.\n\nKeep waiting, cancel the payment and quit, "
    "or quit now and show the same code again at the next start (until it expires).": "顾客可能正在支付 %1。\n\n您可以继续等待、取消支付并退出，或者现在退出，"
    "下次启动时再次显示同一个付款码（在其过期之前）。",
    "Receipt, 80 mm roll (*.pdf)": "小票，80 毫米卷纸 (*.pdf)",
    "Receipt, A4 page (*.pdf)": "小票，A4 纸 (*.pdf)",
    "Cancel payment and quit": "取消支付并退出",
    "Quit, resume later": "退出，稍后继续",
    "The payment of %1 with %2 started at %3 is still waiting for the customer: the same "
    "code is shown again.": "%3 发起的 %2 支付（%1）仍在等待顾客：已再次显示同一个付款码。",
    "Print receipt…": "打印小票…",
    "Save PDF…": "保存 PDF…",
    # Help menu, About, crash reports
    "&Help": "帮助(&H)",
    "About Cashier": "关于收银台",
    "Version": "版本",
    "Platform": "平台",
    "Bundle": "程序包",
    "Profile": "配置",
    "Gateway": "网关",
    "Data": "数据目录",
    "Settings": "设置目录",
    "Log file": "日志文件",
    "<b>Cashier</b><br>Alipay and Alipay+ wallet payments on the Antom gateway": "<b>收银台</b><br>通过 Antom 网关收取支付宝与 Alipay+ 钱包付款",
    "Unexpected error": "意外错误",
    "The cashier hit an unexpected error. Payments already taken are safe in the journal; an "
    "unfinished one is checked again at the next start. The report below holds no keys or "
    "passphrases: copy it for support. It is also in the log.": "收银台遇到意外错误。已完成的支付安全保存在交易日志中；未完成的支付会在下次启动时重新核对。"
    "下面的报告不含任何密钥或口令，可复制给技术支持。报告也已写入日志。",
    "Copy report": "复制报告",
    "Continue": "继续",
    "Copied": "已复制",
    # in-store: picker, scan page, result, errors of the payment code and the printer
    "Scan the barcode or QR in the customer's wallet": "扫描顾客钱包中的条码或二维码",
    "Paid with": "付款方式",
    "Scan the customer's payment code": "请扫描顾客的付款码",
    "Point the scanner at the barcode or QR in the customer's wallet. You can also type or "
    "paste the code and press Enter.": "将扫码枪对准顾客钱包中的条码或二维码，也可以输入或粘贴付款码后按回车。",
    "Payment code": "付款码",
    "Scan again": "重新扫码",
    "Waiting for the code…": "等待付款码…",
    "Charging the customer's wallet…": "正在向顾客钱包扣款…",
    "Waiting for the customer to confirm in the wallet…": "等待顾客在钱包中确认…",
    "%1  (%2 digits)": "%1（%2 位）",
    "The payment code is invalid or has expired. Ask the customer to refresh it and scan "
    "again.": "付款码无效或已过期，请顾客刷新付款码后重新扫码。",
    "The customer's wallet balance is not enough.": "顾客钱包余额不足。",
    "The wallet's risk control refused this payment.": "钱包风控拒绝了这笔支付。",
    "The payment is over the customer's wallet limit.": "支付金额超出顾客钱包的限额。",
    "The customer declined the payment in the wallet.": "顾客在钱包中拒绝了这笔支付。",
    "This wallet cannot pay here (wallet or currency not accepted).": "此钱包无法在这里付款（钱包或币种不受支持）。",
    "The customer did not confirm in time; the payment was cancelled.": "顾客未能及时确认，支付已取消。",
    "The payment did not go through (%1).": "支付未成功（%1）。",
    "In-store · scanned code %1": "线下 · 扫码 %1",
    "In-store · order code": "线下 · 订单码",
    "the payment code is empty": "付款码为空",
    "the payment code may contain digits only": "付款码只能包含数字",
    "the payment code has {length} digits; wallet codes have {min} to {max}": "付款码有 {length} 位；钱包付款码为 {min} 到 {max} 位",
    "this payment code was already used at this till; ask the customer to refresh it": "此付款码已在本收银台使用过，请顾客刷新付款码",
    "no receipt printer is set for this till": "此收银台未设置小票打印机",
    "cannot open the {connection} printer at {where}: {reason}": "无法打开 {where} 的 {connection} 打印机：{reason}",
    "the printer refused the receipt: {reason}": "打印机拒绝打印小票：{reason}",
    "Receipt sent to the receipt printer": "小票已发送到小票打印机",
    "scanned code": "扫码",
    "order code": "订单码",
    "Print code": "打印二维码",
    "in-store, scanned code": "线下扫码",
    "in-store, order code": "线下订单码",
    "%1: %2 sale(s), %3": "%1：%2 笔，%3",
    # one owner per sale, damaged files, a full disk (issue 10)
    "profiles file {path} is damaged: {problem}. It was left unchanged: fix or remove it": "配置文件 {path} 已损坏：{problem}。文件保持原样：请修复或删除它",
    "profiles file {path} is damaged: {problem}. It was left unchanged: fix or remove it; "
    "the previous good version is {backup}: restore it with 'cashier profile restore-backup'": "配置文件 {path} 已损坏：{problem}。文件保持原样：请修复或删除它；上一个完好的版本是 "
    "{backup}：可用“cashier profile restore-backup”恢复",
    "profiles file {path} is unreadable: {problem}. It was left unchanged: fix or remove it": "配置文件 {path} 无法读取：{problem}。文件保持原样：请修复或删除它",
    "profiles file {path} is unreadable: {problem}. It was left unchanged: fix or remove it; "
    "the previous good version is {backup}: restore it with 'cashier profile restore-backup'": "配置文件 {path} 无法读取：{problem}。文件保持原样：请修复或删除它；上一个完好的版本是 "
    "{backup}：可用“cashier profile restore-backup”恢复",
    "the journal could not record payment {payment} ({problem}): the payment may have been "
    "taken; free disk space, then run cashier recover": "交易日志无法记录支付 {payment}（{problem}）：这笔款项可能已被收取；"
    "请释放磁盘空间，然后运行 cashier recover",
    "amount {text}: '_' is not part of an amount; type 1234.50 or 1,234.50": "金额 {text}：“_”不是金额的一部分；请输入 1234.50 或 1,234.50",
    "another cashier process (pid {pid}) is using profile '{profile}'; one till at a time "
    "takes its sales: no payment was taken": "另一个收银进程（pid {pid}）正在使用配置“{profile}”；"
    "同一时间只有一个收银台可以收款：未收取任何款项",
    "another cashier process is using profile '{profile}'; one till at a time takes its "
    "sales: no payment was taken": "另一个收银进程正在使用配置“{profile}”；"
    "同一时间只有一个收银台可以收款：未收取任何款项",
    # operators (issue 17)
    "a PIN has {low} to {high} digits": "PIN 码为 {low} 到 {high} 位数字",
    "a PIN takes only the digits 0-9": "PIN 码只能包含数字 0-9",
    "that PIN is too easy to guess (one digit repeated, or a run such as 1234); choose another": "这个 PIN 码太容易被猜到（同一数字重复，或 1234 这样的连续数字）；请换一个",
    "an operator name has 1 to {high} letters, digits, spaces, '.', '_' or '-'": "操作员名称为 1 到 {high} 个字母、数字、空格、“.”、“_”或“-”",
    "the role must be cashier or manager": "角色必须是收银员或经理",
    "there is no operator {name}": "没有操作员 {name}",
    "there is already an operator {name}": "已有操作员 {name}",
    "wrong PIN for {name}: {left} more tries before the account is locked": "{name} 的 PIN 码错误：再错 {left} 次账户将被锁定",
    "{name} is locked after {count} wrong PINs until {until} (in {minutes} min); a manager can unlock it sooner": "{name} 因 {count} 次 PIN 码错误已被锁定，{until} 解锁（还有 {minutes} 分钟）；经理可以提前解锁",
    "wrong PIN for {name}: the account is now locked until {until} (in {minutes} min)": "{name} 的 PIN 码错误：账户现已锁定，{until} 解锁（还有 {minutes} 分钟）",
    "{name} is a cashier: only a manager's PIN can approve this": "{name} 是收银员：只有经理的 PIN 码才能批准此操作",
    "the first operator must be a manager (who can approve refunds and add the others)": "第一个操作员必须是经理（可以批准退款并添加其他操作员）",
    "{name} is the last manager: add another manager first": "{name} 是最后一位经理：请先添加另一位经理",
    "cannot use the operators file {path}: {problem}": "无法使用操作员文件 {path}：{problem}",
    "the store server cannot be reached, so operators cannot be changed now (every till must agree on them): {problem}": "无法连接门店服务器，现在不能更改操作员（所有收银台必须保持一致）：{problem}",
    "sign in first: operators are set up at this till, and every sale records who took it": "请先登录：此收银台已设置操作员，每笔交易都会记录经手人",
    "a manager's PIN is needed to refund": "退款需要经理的 PIN 码",
    "a manager's PIN is needed to cancel a paid payment": "取消已支付的交易需要经理的 PIN 码",
    "a manager's PIN is needed to change profiles, keys or operators": "更改配置、密钥或操作员需要经理的 PIN 码",
    # operators at the till (issue 17)
    "Sign in": "登录",
    "Manager approval": "经理批准",
    "Who is at the till? Sign in with your name and PIN.": "谁在收银台？请用您的名字和 PIN 码登录。",
    "A manager's PIN is needed.": "需要经理的 PIN 码。",
    "Your name": "您的名字",
    "Manager's name": "经理的名字",
    "4-12 digits": "4-12 位数字",
    "Operator": "操作员",
    "PIN": "PIN 码",
    "Approve": "批准",
    "Type the operator's name.": "请输入操作员的名字。",
    "Type the PIN.": "请输入 PIN 码。",
    "Sign out": "退出登录",
    "No operators set up: anyone can refund": "未设置操作员：任何人都可退款",
    "Add a manager to require a sign-in: cashier operator add NAME --role manager": "添加一位经理即可要求登录：cashier operator add 名字 --role manager",
    "Nobody signed in": "无人登录",
    "manager": "经理",
    "cashier": "收银员",
    "Operator: %1 (%2)": "操作员：%1（%2）",
    "%1 · store offline": "%1 · 门店服务器离线",
    "The store server cannot be reached: operators sign in with this till's copy of the store's accounts, and operators cannot be changed until it is back.": "无法连接门店服务器：操作员使用本收银台保存的门店账户副本登录；服务器恢复前无法更改操作员。",
    "Sign out: Ctrl+L": "退出登录：Ctrl+L",
    "Finish the current sale first, then sign out.": "请先完成当前交易，再退出登录。",
    "A manager's PIN is needed to change profiles and keys.": "更改配置和密钥需要经理的 PIN 码。",
    "A manager's PIN is needed to refund %1.": "退款 %1 需要经理的 PIN 码。",
    "A manager's PIN is needed to cancel the paid payment of %1.": "取消已支付的 %1 需要经理的 PIN 码。",
    "By wallet": "按钱包",
    "By operator (shift)": "按操作员（班次）",
    "(no operator)": "（无操作员）",
    "Taken by": "经手人",
    "By %1, approved by %2": "%1 办理，%2 批准",
    "Operators…": "操作员…",
    "A manager's PIN is needed to change operators.": "更改操作员需要经理的 PIN 码。",
    "Operators": "操作员",
    "Name": "名字",
    "Role": "角色",
    "New PIN": "新 PIN 码",
    "PIN again": "再次输入 PIN 码",
    "Add": "添加",
    "Set PIN": "设置 PIN 码",
    "Change role": "更改角色",
    "Unlock": "解锁",
    "Remove": "删除",
    "locked until %1": "锁定至 %1",
    "No operators yet: add the first one, a manager. From then on everyone signs in, and refunds need a manager's PIN.": "还没有操作员：请先添加一位经理。此后每个人都需要登录，退款需要经理的 PIN 码。",
    "Select an operator to change or remove; type a new name to add one.": "选择一位操作员进行更改或删除；输入新名字即可添加。",
    "The two PINs differ; nothing was changed.": "两次输入的 PIN 码不一致；未做任何更改。",
    "%1 added.": "已添加 %1。",
    "PIN of %1 changed.": "%1 的 PIN 码已更改。",
    "Role of %1 changed.": "%1 的角色已更改。",
    "%1 unlocked.": "%1 已解锁。",
    "%1 removed.": "%1 已删除。",
    # QA console: scenarios (issue 16; the catalog's texts are context Scenario)
    "Scenarios": "场景",
    "Scenario": "场景",
    "Scenarios work only with the embedded sandbox or a sandbox on this computer (a loopback http:// gateway).": "场景仅适用于内置沙箱或本机上的沙箱（环回地址的 http:// 网关）。",
    "Play scenario": "运行场景",
    "Refresh": "刷新",
    "Talking to the sandbox…": "正在与沙箱通信…",
    "Sandbox: %1": "沙箱：%1",
    "Clear scenario": "清除场景",
    "Playing %1.": "正在运行 %1。",
    "Scenario cleared.": "场景已清除。",
    "Active scenario: %1": "当前场景：%1",
    "No active scenario": "没有运行中的场景",
    "all APIs": "全部接口",
    "Rate limited (U / REQUEST_TRAFFIC_EXCEED_LIMIT)": "限流（U / REQUEST_TRAFFIC_EXCEED_LIMIT）",
    "Timeout (never answered)": "超时（始终不应答）",
    "Malformed JSON answer": "应答 JSON 格式错误",
    "the customer pays in the wallet N s after the payment is created": "支付创建 N 秒后，顾客在钱包中付款",
    "seconds until the customer pays": "顾客付款前的秒数",
    "the customer declines in the wallet N s after the payment is created": "支付创建 N 秒后，顾客在钱包中拒绝",
    "seconds until the customer declines": "顾客拒绝前的秒数",
    "the payer-side result code": "付款方的结果码",
    "the customer never pays: the payment expires N s after it is created": "顾客始终不付款：支付在创建 N 秒后过期",
    "seconds until the payment expires": "支付过期前的秒数",
    "the customer completes it, PAYMENT_PENDING for N s, then the result": "顾客完成支付，PAYMENT_PENDING 持续 N 秒，然后给出结果",
    "seconds the result stays pending": "结果保持待定的秒数",
    "the final result": "最终结果",
    "paid, but inquiries fail: the result arrives only by a notification N s late": "已付款，但查询失败：结果只通过延迟 N 秒的通知送达",
    "seconds the notification is held back": "通知被推迟的秒数",
    "paid, but inquiries fail: the result arrives only by a notification sent twice": "已付款，但查询失败：结果只通过发送两次的通知送达",
    "every API answer (or one API's) comes N ms late": "每个接口（或某一接口）的应答延迟 N 毫秒",
    "milliseconds of delay": "延迟的毫秒数",
    "limit it to one API (default: every API)": "仅限某一接口（默认：所有接口）",
    "the next N API calls answer HTTP 500/502/503 with no Antom body": "接下来 N 次接口调用返回 HTTP 500/502/503，无 Antom 应答体",
    "the HTTP status": "HTTP 状态码",
    "how many calls it strikes": "影响的调用次数",
    "the next N API calls are processed, then the connection is reset (TCP RST)": "接下来 N 次接口调用被处理后连接被重置（TCP RST）",
    "the next N API calls are processed but never answered (the client times out)": "接下来 N 次接口调用被处理但始终不应答（客户端超时）",
    "seconds the connection is held silent": "连接保持无响应的秒数",
    "the next N API calls answer HTTP 200 with a signed body cut short (not JSON)": "接下来 N 次接口调用返回 HTTP 200，应答体已签名但被截断（不是 JSON）",
    "the next N API answers carry a signature that does not verify (mode: how)": "接下来 N 次接口应答的签名无法验证（mode：方式）",
    "flip a bit, leave it out, change the body, or a bad Response-Time": "翻转一位、省略签名、改动应答体，或错误的 Response-Time",
    "the next N API answers are signed with a key that is not the gateway's": "接下来 N 次接口应答使用非网关的密钥签名",
    "the next N API calls are processed but answer U / UNKNOWN_EXCEPTION, then success": "接下来 N 次接口调用被处理但应答 U / UNKNOWN_EXCEPTION，之后成功",
    "the next N API calls are refused U / REQUEST_TRAFFIC_EXCEED_LIMIT (not processed)": "接下来 N 次接口调用被拒绝 U / REQUEST_TRAFFIC_EXCEED_LIMIT（未处理）",
    "every API answer is signed with a Response-Time N s off the gateway's clock": "每个接口应答的 Response-Time 与网关时钟相差 N 秒",
    "seconds ahead (negative: behind)": "超前的秒数（负数：落后）",
    "refunds answer U / REFUND_IN_PROCESS and settle N s later (notifyRefund follows)": "退款应答 U / REFUND_IN_PROCESS，N 秒后完成（随后发送 notifyRefund）",
    "seconds until the refund settles": "退款完成前的秒数",
    "how many refunds it strikes": "影响的退款次数",
    # why a payment ended as it did (ui/reasons.py, context Reason; codes per Antom)
    "The payment code is invalid or has expired.": "付款码无效或已过期。",
    "The gateway refused the form of the request.": "网关拒绝了此请求的格式。",
    "The gateway does not accept this profile's client id.": "网关不接受此配置的客户端 ID。",
    "The wallet does not know the customer's account.": "钱包中不存在该顾客的账户。",
    "The customer's wallet account is restricted.": "顾客的钱包账户状态异常，已受限。",
    "The customer's wallet account is not verified for this payment.": "顾客的钱包账户未完成此支付所需的实名认证。",
    "The customer did not pass the wallet's payment verification.": "顾客未通过钱包的支付验证。",
    "The amount is over this wallet's limit for one payment.": "金额超出此钱包的单笔支付限额。",
    "The wallet's limit on the number of payments is reached.": "已达到此钱包的支付次数上限。",
    "Regulations do not allow this payment.": "受监管规定限制，无法进行这笔支付。",
    "This wallet is not available to this merchant now.": "此钱包目前对本商户不可用。",
    "This wallet does not take this currency.": "此钱包不支持该币种。",
    "The merchant is not registered for this wallet.": "本商户尚未开通此钱包。",
    "The merchant's contract does not cover this payment.": "本商户的合约不支持这笔支付。",
    "The wallet's payment token is not valid.": "钱包的支付令牌无效。",
    "The order is closed: the customer did not pay before it expired.": "订单已关闭：顾客未在过期前付款。",
    "Not paid before the code expired; cancelled at the gateway.": "付款码过期前未付款，已在网关取消。",
    "Not paid in time; cancelled at the gateway.": "未在限定时间内付款，已在网关取消。",
    "Cancelled by the operator.": "已由操作员取消。",
    "Too late to cancel: refund it instead.": "已过可取消的期限：请改为退款。",
    "Whether it was paid is not known yet: the answers could not be verified. Run cashier "
    "recover to settle it.": "尚不确定是否已付款：网关应答未能验签。请运行 cashier recover 核对。",
    "The refund is more than what is left to refund.": "退款金额超过剩余可退金额。",
    "This request id was used before with other content.": "此请求单号之前已用于内容不同的请求。",
    "Waiting for the customer to pay.": "等待顾客付款。",
    "The gateway could not be reached.": "无法连接网关。",
    "The gateway did not answer in time.": "网关未及时应答。",
    "The gateway's answer did not verify (bad signature), so it is not believed.": "网关应答未通过验签（签名错误），因此不予采信。",
    "The gateway's answer is not in Antom's form.": "网关应答不符合 Antom 的格式。",
    "The gateway had an unknown error; the result is asked again.": "网关发生未知错误，正在重新查询结果。",
    "The gateway is busy (too many requests); asking again shortly.": "网关繁忙（请求过多），稍后重新查询。",
    "The gateway refused this merchant access.": "网关拒绝了本商户的访问。",
    "The gateway refused our signature: check the merchant public key registered with Antom.": "网关拒绝了我们的签名：请检查在 Antom 登记的商户公钥。",
    "The gateway has no public key for this merchant.": "网关没有本商户的公钥。",
    "The gateway refused a field of the request.": "网关认为请求中有字段不合法。",
    "The gateway could not process the payment.": "网关无法处理这笔支付。",
    "The interrupted sale was cancelled at the gateway on recovery.": "中断的交易已在恢复时于网关取消。",
    "The gateway has no record of this payment; nothing was charged.": "网关没有这笔支付的记录，未扣款。",
    "The gateway has no record of this payment yet; it may still arrive.": "网关暂无这笔支付的记录，支付请求可能仍在途中。",
    "The result is not known yet (%1).": "结果暂未知（%1）。",
    "Gateway reachable; keys verified (it answered an unknown id with S).": "网关可连接；密钥验证通过（网关对不存在的单号应答了 S）。",
    "Gateway reachable; merchant key accepted; gateway key verified.": "网关可连接；商户密钥已被接受；网关密钥验签通过。",
    "The gateway refuses our signature: the public key registered in the Antom Dashboard is "
    "not this profile's merchant key (export it with 'cashier keys export-public' and upload "
    "it).": "网关拒绝了我们的签名：Antom 控制台中登记的公钥不是此配置的商户密钥（用“cashier keys "
    "export-public”导出并上传）。",
    "The gateway has no public key for this client id and key version: upload the merchant "
    "public key in the Antom Dashboard, or check the profile's key version.": "网关没有此客户端 ID和密钥版本的公钥：请在 Antom 控制台上传商户公钥，或检查配置的密钥版本。",
    "The gateway does not know this client id: check the profile's client id and "
    "environment (SANDBOX_ ids need the sandbox).": "网关不认识此客户端 ID：请检查配置的客户端 ID和环境（SANDBOX_ 开头的编号需要沙箱环境）。",
    "The gateway's answer does not verify with this profile's gateway public key (was the "
    "merchant's own public key imported as the gateway key?).": "网关应答无法用此配置的网关公钥验签（是否把商户自己的公钥误导入为网关公钥？）。",
    "Unexpected answer from the gateway (%1).": "网关的应答出乎意料（%1）。",
    # History: journal events (ui/widgets/event_text.py, context Event)
    "journaled": "已记账",
    "request": "请求",
    "answer": "应答",
    "inquiry": "查询",
    "sent again": "重新发送",
    "error": "错误",
    "notification": "通知",
    "state": "状态",
    "recovery": "恢复",
    "ignored": "已忽略",
    "duplicate": "重复",
    "refund": "退款",
    "refund state": "退款状态",
    "cancelled, not verified": "已取消，未验签",
    "amount": "金额",
    "currency": "币种",
    "wallet": "钱包",
    "expires": "过期时间",
    "API": "接口",
    "resent": "重发",
    "attempt": "尝试",
    "HTTP status": "HTTP 状态码",
    "signature verified": "验签通过",
    "sent at": "发送时间",
    "answered at": "应答时间",
    "from": "原状态",
    "to": "新状态",
    "result code": "结果码",
    "source": "来源",
    "reason": "原因",
    "by": "查询依据",
    "status": "状态",
    "notification type": "通知类型",
    "gateway": "网关",
    "refund request id": "退款请求单号",
    "may arrive until": "可能到达的截止时间",
    "result": "结果",
    "cancelled at": "取消时间",
    "unverified inquiries": "未验签的查询",
    "type": "类型",
    "message": "说明",
    "scenario": "场景",
    "payment code": "付款码",
    "yes": "是",
    "no": "否",
    "operator": "操作员",
    "expiry": "过期",
    "time is up": "时间已到",
    "payment id": "支付单号",
    "request id": "请求单号",
    "not verified": "未验签",
    "the gateway has no record of the payment": "网关没有这笔支付的记录",
    "no verified payment code yet": "尚无经验签的付款码",
    # QA console: fault modes and the active list
    "one bit flipped": "翻转一位",
    "signature missing": "缺少签名",
    "signed with another key": "用其他密钥签名",
    "body changed after signing": "签名后篡改报文",
    "Response-Time changed after signing": "签名后修改 Response-Time",
    "notifications": "通知",
    "until cleared": "直到清除",
    "%1 left": "剩余 %1 次",
    # key store (widgets/key_panel.py)
    "memory (until the app quits)": "内存（程序退出即清除）",
    "the system keyring (%1)": "系统密钥环（%1）",
    "a keyring (%1)": "密钥环（%1）",
    "the encrypted key file (%1)": "加密密钥文件（%1）",
    "Sandbox keys are kept in memory only: they are generated at start and lost when the app "
    "quits.": "沙箱密钥只保存在内存中：启动时生成，程序退出即丢失。",
    "An encrypted key file exists at %1 but the system keyring is in use; choose it with "
    "--keystore file.": "%1 处有加密密钥文件，但当前使用的是系统密钥环；如需使用该文件，请加 --keystore file。",
    # Setup -> Language (ui/language_menu.py)
    "&Language": "语言(&L)",
    "The language could not be saved: %1": "无法保存语言设置：%1",
    "Language: %1": "语言：%1",
    "%1 — from the next start.": "%1——下次启动时生效。",
    # signature checks of the gateway's answers (gateway.signing, gateway.errors)
    "signature algorithm {algorithm} is not RSA256": "签名算法 {algorithm} 不是 RSA256",
    "signature does not verify with the gateway public key (tampered, wrong key, or not "
    "SHA-256)": "签名无法用网关公钥验证（内容被篡改、密钥不对或不是 SHA-256）",
    "signature header has no 'signature=' part": "Signature 头中没有“signature=”部分",
    "signature header is missing": "缺少 Signature 头",
    "signature header part {part} is not key=value": "Signature 头中的 {part} 不是 key=value 形式",
    "signature is empty": "签名为空",
    "signature is not valid base64": "签名不是有效的 base64",
    "{api}: answer has no {header} header": "{api}：应答缺少 {header} 头",
    "{api}: answer is for client-id {client}, not ours": "{api}：应答的 client-id 是 {client}，不是我们的",
    "{api}: {problem}": "{api}：{problem}",
    "{name} header is missing": "缺少 {name} 头",
    "{name} {value} has no UTC offset": "{name} {value} 没有 UTC 时区偏移",
    "{name} {value} is neither ISO 8601 with a UTC offset nor epoch milliseconds": "{name} {value} 既不是带 UTC 偏移的 ISO 8601 时间，也不是毫秒时间戳",
    "{name} {value} is neither ISO 8601 with a UTC offset nor epoch milliseconds (13 digits)": "{name} {value} 既不是带 UTC 偏移的 ISO 8601 时间，也不是毫秒时间戳（13 位）",
    # profile values refused (keystore.profiles, ProfileError)
    "environment {environment} is not one of {choices}": "环境 {environment} 不是以下之一：{choices}",
    "profile {name}: {problem}": "配置 {name}：{problem}",
    "an embedded-sandbox profile has no gateway URL (the sandbox starts in-process); use environment 'production' or 'antom-sandbox' for a standalone gateway": "内置沙箱配置没有网关 URL（沙箱在程序内启动）；独立网关请选择环境“正式环境”或“Antom 沙箱”",
    "profile {name}: the alipayhk dialect takes HKD only, not {currency}": "配置 {name}：alipayhk 接口只收港币（HKD），不收 {currency}",
    "merchant name must be at most 128 printable characters": "商户名称最多 128 个可打印字符",
    "merchant id must be 1-32 letters or digits": "商户号必须是 1-32 个字母或数字",
    "profile {name}: the alipayhk dialect offers only ALIPAY_HK, not {wallets}": "配置 {name}：alipayhk 接口只提供 ALIPAY_HK，不提供 {wallets}",
    "profile {name}: product {product} is not one of {choices}": "配置 {name}：产品 {product} 不是以下之一：{choices}",
    "profile {name}: in-store payments use the antom dialect": "配置 {name}：线下支付须使用 antom 接口",
    "profile name {name} is invalid: use 1-40 letters, digits, '_', '-' or '.', starting with a letter or digit": "配置名称 {name} 无效：请使用 1-40 个字母、数字、“_”、“-”或“.”，并以字母或数字开头",
    "client id is missing: copy it from the Antom Dashboard": "缺少客户端 ID：请从 Antom 控制台复制",
    "client id {client_id} is invalid: at most 64 letters, digits, '_', '-' or '.' (no spaces)": "客户端 ID {client_id} 无效：最多 64 个字母、数字、“_”、“-”或“.”（不含空格）",
    "client id {client_id} is not an Antom sandbox id (those start with 'SANDBOX_'); use environment 'production' for a live id": "客户端 ID {client_id} 不是 Antom 沙箱 ID（沙箱 ID 以“SANDBOX_”开头）；正式 ID 请选择环境“正式环境”",
    "client id {client_id} is an Antom sandbox id; use environment 'antom-sandbox' for it": "客户端 ID {client_id} 是 Antom 沙箱 ID；请为它选择环境“Antom 沙箱”",
    "key version {version} is invalid: a positive whole number such as 1 (the Antom Dashboard shows it next to the key)": "密钥版本 {version} 无效：应为正整数，例如 1（Antom 控制台在密钥旁显示）",
    "gateway URL is missing (a preset: {presets}; or an https:// URL)": "缺少网关 URL（预设：{presets}；或一个 https:// URL）",
    "notify URL is missing": "缺少通知 URL",
    "{what} {url} is not a valid URL: {problem}": "{what} {url} 不是有效的 URL：{problem}",
    "{what} {url} must be an https:// URL with a host name": "{what} {url} 必须是带主机名的 https:// URL",
    "{what} {url} uses plain http: only https is allowed, except to a gateway on this machine (127.0.0.1 / localhost)": "{what} {url} 使用了明文 HTTP：只允许 HTTPS，本机网关（127.0.0.1 / localhost）除外",
    "{what} must not contain a user name or password": "{what}不能包含用户名或密码",
    "{what} {url} must not have a query or fragment": "{what} {url} 不能带查询参数或片段",
    "{what} {url} must be the base URL only (no path such as /ams/api: the client adds it)": "{what} {url} 只能是基础 URL（不带 /ams/api 之类的路径：客户端会自动添加）",
    "wallets must be a list of paymentMethodType names": "钱包必须是支付方式类型名称的列表",
    "wallet {wallet} is not a known paymentMethodType (known: {known})": "钱包 {wallet} 不是已知的支付方式类型（已知：{known}）",
    "no wallet enabled: enable at least one paymentMethodType": "未启用任何钱包：请至少启用一种钱包",
    "none of the enabled wallets ({wallets}) accepts {currency}; enable a wallet for {currency} or change the currency": "已启用的钱包（{wallets}）都不支持 {currency}；请启用支持 {currency} 的钱包或更换币种",
    "gateway URL": "网关 URL",
    "notify URL": "通知 URL",
    # cancels and refunds refused (checkout.errors)
    "the gateway did not cancel payment {payment}: {code}": "网关未取消支付 {payment}：{code}",
    "cancel of payment {payment} is not confirmed: {problem}": "支付 {payment} 的取消未获确认：{problem}",
    "payment {payment} is {status}; only a successful payment can be refunded": "支付 {payment} 的状态是 {status}；只有成功的支付才能退款",
    "payment {payment} has no gateway paymentId": "支付 {payment} 没有网关支付单号",
    "payment {payment} is already fully refunded": "支付 {payment} 已全额退款",
    "refund currency {currency} differs from the payment's {paid}": "退款币种 {currency} 与支付币种 {paid} 不同",
    "refund of {amount} is more than the {left} left to refund": "退款 {amount} 超过剩余可退金额 {left}",
    "refund reason is longer than 256 characters": "退款原因超过 256 个字符",
    # key paste diagnoses the key panel words itself (widgets/key_panel.py)
    "This is a binary (DER) file, not PEM or base64 text: convert it to PEM first.": "这是二进制（DER）文件，不是 PEM 或 base64 文本：请先转换为 PEM。",
    "This is far larger than a key: give the key file itself.": "内容远大于一个密钥：请提供密钥文件本身。",
    "This is not a readable RSA key: copy the whole key again.": "这不是可读取的 RSA 密钥：请重新复制完整的密钥。",
    "This key cannot be used here: it is not an RSA key for Antom.": "此密钥不能在这里使用：它不是用于 Antom 的 RSA 密钥。",
}


#: The till's feedback texts (issue 9 item 8, issue 10 item 5, issue 15), kept apart so
#: that helpers adding to ZH_CN at the same time do not collide.
ZH_CN_FEEDBACK: dict[str, str] = {
    "No web browser or wallet app on this computer can open the link. Press Copy to copy "
    "it, or let the customer scan the code.": "此电脑上没有可以打开该链接的网页浏览器或钱包应用。请按“复制”复制链接，或请顾客扫码。",
    "Charge %1": "收款 %1",
    "No": "否",
    # a damaged profiles file (issue 10 item 5): restore its backup from the window
    "Restore backup": "恢复备份",
    "Keep the file": "保留文件",
    "Replace the damaged profiles file %1 with its previous good version %2? The damaged "
    "file is kept as %3.": "用上一个完好的版本 %2 替换已损坏的配置文件 %1？损坏的文件会保留为 %3。",
    "Environment": "环境",
    "Nothing was sent to the gateway: no payment was taken. Free disk space (or fix the "
    "journal), then confirm again.": "没有向网关发送任何内容：未收取任何款项。请释放磁盘空间（或修复交易日志），然后再次确认。",
    # what is wrong inside a damaged profiles file (keystore/profiles.py ProfileFileProblem)
    "it cannot be read ({reason})": "无法读取（{reason}）",
    "it is empty (a half-written save?)": "文件为空（是否只保存了一半？）",
    "it is not UTF-8 text": "不是 UTF-8 文本",
    "it is not a {format} document": "不是 {format} 文档",
    "format version {version} is not supported (this app reads version {supported})": "不支持格式版本 {version}（本应用读取版本 {supported}）",
    "'profiles' must be an object": "“profiles”必须是一个对象",
    "profile {key}: {problem}": "配置 {key}：{problem}",
    "profile {key} has name {name}": "配置 {key} 的名称却是 {name}",
    "profile 'sandbox' must stay the embedded sandbox": "配置“sandbox”必须保持为内置沙箱",
    "'active' must be a profile name": "“active”必须是配置名称",
    "active profile {name} is not defined in it": "其中没有定义当前配置 {name}",
    # what the JSON parser said (domain/json_problems.py)
    "invalid JSON at line {line} column {column} (a value is expected there; a half-written "
    "save?)": "第 {line} 行第 {column} 列的 JSON 无效（此处应有一个值；是否只保存了一半？）",
    "invalid JSON at line {line} column {column} (a name in double quotes is expected "
    "there; a half-written save?)": "第 {line} 行第 {column} 列的 JSON 无效（此处应有一个带双引号的名称；是否只保存了一半？）",
    "invalid JSON at line {line} column {column} (a ':' is expected there; a half-written "
    "save?)": "第 {line} 行第 {column} 列的 JSON 无效（此处应有“:”；是否只保存了一半？）",
    "invalid JSON at line {line} column {column} (a ',' is expected there; a half-written "
    "save?)": "第 {line} 行第 {column} 列的 JSON 无效（此处应有“,”；是否只保存了一半？）",
    "invalid JSON at line {line} column {column} (a text value starts there and never ends; "
    "a half-written save?)": "第 {line} 行第 {column} 列的 JSON 无效（文本值从此处开始却没有结束；是否只保存了一半？）",
    "invalid JSON at line {line} column {column} (a control character inside a text "
    "value)": "第 {line} 行第 {column} 列的 JSON 无效（文本值中含有控制字符）",
    "invalid JSON at line {line} column {column} (a \\uXXXX escape that is not four hex "
    "digits)": "第 {line} 行第 {column} 列的 JSON 无效（\\uXXXX 转义不是四位十六进制数字）",
    "invalid JSON at line {line} column {column} (a backslash escape that JSON does not "
    "have)": "第 {line} 行第 {column} 列的 JSON 无效（JSON 中没有这种反斜杠转义）",
    "invalid JSON at line {line} column {column} (more text after the end of the "
    "document)": "第 {line} 行第 {column} 列的 JSON 无效（文档结束后还有多余的文本）",
    "invalid JSON at line {line} column {column} (a comma before the closing "
    "bracket)": "第 {line} 行第 {column} 列的 JSON 无效（右括号前多了一个逗号）",
    "invalid JSON at line {line} column {column} ({detail}; a half-written save?)": "第 {line} 行第 {column} 列的 JSON 无效（{detail}；是否只保存了一半？）",
    # in-store (issue 15): the customer display during a scan, the confirm window
    "Please present your payment code to the cashier": "请向收银员出示您的付款码",
    "Please confirm the payment in your wallet": "请在钱包中确认付款",
    "%1 left": "剩余 %1",
    "Unknown wallet": "未知钱包",
}
ZH_CN.update(ZH_CN_FEEDBACK)

#: Store views (issue 17 item 3): History and End of day of this till or the whole store,
#: refunds of another till's sale; kept apart so that helpers do not collide.
ZH_CN_STORE_VIEWS: dict[str, str] = {
    "This till": "本收银台",
    "Whole store": "全店",
    "Till": "收银台",
    "By till": "按收银台",
    "Taken at till %1.": "由收银台 %1 收款。",
    "Whole store · Net: %1": "全店 · 净额：%1",
    "No payments in the store on %1": "%1 全店没有交易",
    "⚠ %1 payment(s) of the store are not final: the tills' History lists them.": "⚠ 全店有 %1 笔支付未终态：各收银台的交易记录中列出了它们。",
    "✓ Every payment of the store on this day is final.": "✓ 全店当天所有支付均已终态。",
    "cannot reach the store at {where}: {why}": "无法连接门店服务器 {where}：{why}",
    "the store server cannot be reached, so the whole store cannot be shown now ({problem}); "
    "this till's own view still works": "无法连接门店服务器，现在无法显示全店数据（{problem}）；本收银台自己的数据仍可查看",
    "the store server cannot be reached, so a sale of till {till} cannot be refunded here "
    "now ({problem}); nothing was sent: refund it at till {till} or try again once the store "
    "is back": "无法连接门店服务器，现在不能在这里为收银台 {till} 的交易退款（{problem}）；没有发送任何内容：请在收银台 {till} 退款，或在门店服务器恢复后重试",
    "payment {payment} of till {till} is not at the store (yet): refund it at till {till}": "收银台 {till} 的支付 {payment} 尚未同步到门店服务器：请在收银台 {till} 退款",
    "payment {payment} was taken with merchant profile {profile}, not this till's {here}: "
    "refund it at till {till}": "支付 {payment} 使用的是商户配置 {profile}，不是本收银台的 {here}：请在收银台 {till} 退款",
    "The whole store cannot be shown now. “This till” still shows this till's own sales.": "现在无法显示全店数据。“本收银台”仍可查看本收银台自己的交易。",
    "The whole store cannot be shown now. “This till” still shows this till's own End of "
    "day.": "现在无法显示全店数据。“本收银台”仍可查看本收银台自己的日结。",
}
ZH_CN.update(ZH_CN_STORE_VIEWS)


def _kept_translations(tree: ET.ElementTree, name: str) -> dict[str, str]:
    """The finished translations of context ``name`` (its texts are not in ``self.tr``
    calls: error templates and the scenario catalog live in Qt-free layers), so that hand
    edits survive a refresh."""
    kept: dict[str, str] = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != name:
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            if node is not None and node.get("type") is None and node.text:
                kept[message.findtext("source", default="")] = node.text
    return kept


def _set_context(tree: ET.ElementTree, name: str, texts: set[str], kept: dict[str, str]) -> None:
    root = tree.getroot()
    for context in list(root.iter("context")):
        if context.findtext("name") == name:
            root.remove(context)
    context = ET.Element("context")
    ET.SubElement(context, "name").text = name
    for template in sorted(texts):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        node = ET.SubElement(message, "translation")
        text = kept.get(template)
        if text is None:
            node.set("type", "unfinished")
        else:
            node.text = text
    names = [c.findtext("name", default="") for c in root.findall("context")]
    position = sum(1 for n in names if n < name)
    root.insert(position, context)


def _generated_contexts() -> dict[str, set[str]]:
    """Contexts made from Qt-free code: error templates, the sandbox's scenario catalog."""
    from cashier_app.sandbox.scenarios import catalog_texts
    from cashier_app.ui.qa.scenario_panel import CONTEXT as SCENARIO_CONTEXT
    from cashier_app.ui.text import known_error_templates

    return {ERROR_CONTEXT: known_error_templates(), SCENARIO_CONTEXT: catalog_texts()}


def main() -> int:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        print("pyside6-lupdate not found next to this Python", file=sys.stderr)
        return 1
    sources = sorted(str(p) for p in (ROOT / "cashier_app" / "ui").rglob("*.py"))
    generated = _generated_contexts()
    kept = {name: _kept_translations(ET.parse(TS), name) for name in generated}
    subprocess.run(
        [
            lupdate,
            *sources,
            "-ts",
            str(TS),
            "-target-language",
            "zh_CN",
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        cwd=ROOT,
    )
    tree = ET.parse(TS)
    for name, texts in generated.items():
        _set_context(tree, name, texts, kept[name])
    filled = missing = 0
    for message in tree.getroot().iter("message"):
        node = message.find("translation")
        if node is None or node.get("type") != "unfinished":
            continue
        text = ZH_CN.get(message.findtext("source", default=""))
        if text is None:
            missing += 1
            continue
        node.text = text
        del node.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translations; {missing} still unfinished in {TS.name}")
    # the app loads the compiled .qm: rebuild it so the two never disagree
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=False
    ).returncode


if __name__ == "__main__":
    raise SystemExit(main())
