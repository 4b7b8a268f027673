<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CustomerDisplay</name>
        <message>
            <source>Customer display</source>
            <translation>顾客显示屏</translation>
        </message>
        <message>
            <source>Welcome</source>
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
            <source>Thank you!</source>
            <translation>谢谢惠顾！</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
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
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <source>Re-inquired: %1</source>
            <translation>已重新查询：%1</translation>
        </message>
        <message>
            <source>Cancel the payment of %1? The customer will not be able to pay it any more.</source>
            <translation>撤销 %1 的支付？顾客将无法再完成这笔支付。</translation>
        </message>
        <message>
            <source>Cancel answered: %1</source>
            <translation>撤销结果：%1</translation>
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
        <name>MainWindow</name>
        <message>
            <source>Cashier</source>
            <translation>收银台</translation>
        </message>
        <message>
            <source>New sale</source>
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
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Could not check unfinished payments: %1</source>
            <translation>无法检查未完成的支付：%1</translation>
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
            <source>Profile %1 · %2 · %3 · %4</source>
            <translation>配置 %1 · %2 · %3 · %4</translation>
        </message>
        <message>
            <source>Demo keys live in memory only — nothing is charged</source>
            <translation>演示密钥仅保存在内存中——不会真实扣款</translation>
        </message>
        <message>
            <source>Recovered %1 unfinished payment(s) from the last session: %2. See History for details.</source>
            <translation>已恢复上次会话中 %1 笔未完成的支付：%2。详情请查看交易记录。</translation>
        </message>
        <message>
            <source>This page is not available: %1</source>
            <translation>此页面不可用：%1</translation>
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
            <translation>支付宝 App</translation>
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
            <source>The reference order id contains control characters</source>
            <translation>商户订单号包含控制字符</translation>
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
            <source>Created</source>
            <extracomment>Text colour of each status in the table (readable on a light background). inclusive, timezone-aware exclusive, timezone-aware</extracomment>
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
            <translation>已撤销</translation>
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
            <source>Time</source>
            <extracomment>repeats seen, so the next offset still moves forward</extracomment>
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
    </context>
    <context>
        <name>PickerPage</name>
        <message>
            <source>TOTAL TO PAY</source>
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
            <source>Cancel</source>
            <translation>取消</translation>
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
            <source>Alipay+ partner wallets</source>
            <translation>Alipay+ 合作钱包</translation>
        </message>
    </context>
    <context>
        <name>ReceiptActions</name>
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
            <source>Save receipt</source>
            <translation>保存小票</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
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
            <extracomment>Status line tones (the stylesheet colours them).</extracomment>
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
            <source>Scan with %1 to pay</source>
            <translation>请使用%1扫码支付</translation>
        </message>
        <message>
            <source>Waiting for the customer…</source>
            <translation>等待顾客支付…</translation>
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
            <source>Could not open the link on this computer</source>
            <translation>无法在此电脑上打开该链接</translation>
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
            <source>Expires in %1</source>
            <translation>%1 后过期</translation>
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
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>Wallet</source>
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
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Adding up…</source>
            <translation>统计中…</translation>
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
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <source>New sale</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Refund…</source>
            <translation>退款…</translation>
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
    </context>
    <context>
        <name>SaleFlow</name>
        <message>
            <source>The attempt is saved and will be checked again; you can confirm to try once more.</source>
            <extracomment>the CustomerDisplay, when one is open</extracomment>
            <translation>本次尝试已记录，稍后会再次查询；您也可以再次确认重试。</translation>
        </message>
        <message>
            <source>The customer closed the cashier without paying</source>
            <translation>顾客未支付就关闭了收银台</translation>
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
        <message>
            <source>this payment is already fully refunded</source>
            <translation>该笔支付已全额退款</translation>
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
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>All dates</source>
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
</TS>