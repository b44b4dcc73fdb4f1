<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AuditWindow</name>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部店员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All operations</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>从(&amp;F)</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>到(&amp;T)</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>店员(&amp;S)</source>
        <translation>&amp;Staff</translation>
    </message>
    <message>
        <source>操作(&amp;K)</source>
        <translation>Operation &amp;kind</translation>
    </message>
    <message>
        <source>{name}（已停用）</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>（只显示最近的记录，导出可得全部）</source>
        <translation> (only the latest shown; the export has them all)</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 条{more}</source>
        <translation>
            <numerusform>%n entry{more}</numerusform>
            <numerusform>%n entries{more}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 条操作日志到 {path}</source>
        <translation>
            <numerusform>Exported %n audit log entry to {path}</numerusform>
            <numerusform>Exported %n audit log entries to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>正在读取操作日志</source>
        <translation>Reading the audit log</translation>
    </message>
    <message>
        <source>操作日志_{since}-{until}.xlsx</source>
        <translation>audit-log_{since}-{until}.xlsx</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>正在导出操作日志</source>
        <translation>Exporting the audit log</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>尚无备份</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>上次备份：{time}</source>
        <translation>Last backup: {time}</translation>
    </message>
    <message>
        <source>超过两天没有完好的备份，请检查备份文件夹（店长 ▸ 备份与恢复）。</source>
        <translation>No sound backup for over two days: please check the backup folder (Owner ▸ Backup and restore).</translation>
    </message>
    <message>
        <source>自动备份没有完成：{reason}</source>
        <translation>The automatic backup did not finish: {reason}</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>CampaignsWindow</name>
    <message>
        <source>仅短信</source>
        <translation>Text only</translation>
    </message>
    <message>
        <source>已发放</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>待发放</source>
        <translation>To issue</translation>
    </message>
    <message>
        <source>营销活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>选择一项活动，先预览名单，确认后再发放。已退订营销的会员不在名单中。</source>
        <translation>Choose a campaign: preview its list first, then issue. Members who opted out of marketing are not on it.</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>导出短信名单…</source>
        <translation>Export text message list…</translation>
    </message>
    <message>
        <source>只有店长可以发放。</source>
        <translation>Only the owner can issue.</translation>
    </message>
    <message>
        <source>{title}：{explanation}</source>
        <translation>{title}: {explanation}</translation>
    </message>
    <message>
        <source>正在生成名单…</source>
        <translation>Making the list…</translation>
    </message>
    <message>
        <source>生成名单</source>
        <translation>Making the list</translation>
    </message>
    <message numerus="yes">
        <source>{note}共 %n 位会员：待发放 {pending} 张，已发放 {done} 张。</source>
        <translation>
            <numerusform>{note}%n member. Coupons to issue: {pending}; issued: {done}.</numerusform>
            <numerusform>{note}%n members. Coupons to issue: {pending}; issued: {done}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>本次发放 %n 张券，可点“导出短信名单…”交给短信平台发送。</source>
        <translation>
            <numerusform>Issued %n coupon; &quot;Export text message list…&quot; gives the list to send through your SMS service. </numerusform>
            <numerusform>Issued %n coupons; &quot;Export text message list…&quot; gives the list to send through your SMS service. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 条短信到 {path}</source>
        <translation>
            <numerusform>Exported %n text message to {path}</numerusform>
            <numerusform>Exported %n text messages to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>发放：{title}</source>
        <translation>Issuing: {title}</translation>
    </message>
    <message>
        <source>短信名单</source>
        <translation>Text message list</translation>
    </message>
    <message>
        <source>导出短信名单</source>
        <translation>Export the text message list</translation>
    </message>
</context>
<context>
    <name>CardActions</name>
    <message>
        <source>会员卡存为PDF</source>
        <translation>Save member cards as PDF</translation>
    </message>
    <message>
        <source>打印会员卡</source>
        <translation>Print member cards</translation>
    </message>
    <message>
        <source>会员卡</source>
        <translation>Member cards</translation>
    </message>
    <message>
        <source>打印会员卡…</source>
        <translation>Print member cards…</translation>
    </message>
    <message>
        <source>会员卡存为PDF…</source>
        <translation>Save member cards as PDF…</translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <source>不限</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>在售</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>已兑换</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>积分兑换目录</source>
        <translation>Points catalogue</translation>
    </message>
    <message>
        <source>兑换目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>兑换记录</source>
        <translation>Redemptions</translation>
    </message>
    <message>
        <source>元，例如 35 或 35.50</source>
        <translation>yuan, e.g. 35 or 35.50</translation>
    </message>
    <message>
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>药品分类(&amp;D)</source>
        <translation>&amp;Drug class</translation>
    </message>
    <message>
        <source>所需积分(&amp;P)</source>
        <translation>&amp;Points needed</translation>
    </message>
    <message>
        <source>价值(&amp;V)</source>
        <translation>&amp;Value</translation>
    </message>
    <message>
        <source>库存(&amp;S)</source>
        <translation>&amp;Stock</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>清空表单</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <source>补货 </source>
        <translation>Restock </translation>
    </message>
    <message>
        <source>补货</source>
        <translation>Restock</translation>
    </message>
    <message>
        <source>兑换品资料</source>
        <translation>Item details</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Bring back</translation>
    </message>
    <message>
        <source>已新增“{name}”。</source>
        <translation>Added &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>已保存“{name}”。</source>
        <translation>Saved &quot;{name}&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>已为“{name}”补货 %n 件。</source>
        <translation>
            <numerusform>Added %n item to the stock of &quot;{name}&quot;.</numerusform>
            <numerusform>Added %n items to the stock of &quot;{name}&quot;.</numerusform>
        </translation>
    </message>
    <message>
        <source>已停用“{name}”，柜台不再提供。</source>
        <translation>Retired &quot;{name}&quot;: the till no longer offers it.</translation>
    </message>
    <message>
        <source>已重新启用“{name}”。</source>
        <translation>Brought &quot;{name}&quot; back.</translation>
    </message>
    <message>
        <source>撤销原因（必填），例如：会员退回礼品</source>
        <translation>Reason (required), e.g. the member gave the gift back</translation>
    </message>
    <message>
        <source>撤销兑换</source>
        <translation>Reverse redemption</translation>
    </message>
    <message>
        <source>原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>撤销后积分退回会员（按原有效期），礼品库存加回；原兑换记录保留，撤销另记一笔。</source>
        <translation>Reversing gives the member the points back (with their original expiry) and the stock back; the redemption stays on record and the reversal is recorded beside it.</translation>
    </message>
    <message numerus="yes">
        <source>已撤销 {member} 的“{item}”兑换，退回 %n 分，现有 {balance} 分。</source>
        <translation>
            <numerusform>Reversed {member}&apos;s &quot;{item}&quot;: %n point given back; the balance is now {balance}.</numerusform>
            <numerusform>Reversed {member}&apos;s &quot;{item}&quot;: %n points given back; the balance is now {balance}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPage</name>
    <message>
        <source>保存图片…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <source>保存图片</source>
        <translation>Save image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png);;PDF 文件 (*.pdf)</source>
        <translation>PNG image (*.png);;PDF file (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ChartsWindow</name>
    <message>
        <source>{name}：{text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>{label}应为 {count} 个用逗号分隔的整数，例如 30,60,90,180。</source>
        <translation>{label} should be {count} whole numbers separated by commas, e.g. 30,60,90,180.</translation>
    </message>
    <message>
        <source>月度报表与图表</source>
        <translation>Monthly report and charts</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>选中一项指标查看它的定义。</source>
        <translation>Select a figure to see its definition.</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>按新阈值分群</source>
        <translation>Segment with these thresholds</translation>
    </message>
    <message>
        <source>统计期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>R 最近消费天数（5/4/3/2分上限）</source>
        <translation>R days since last purchase (upper limits for 5/4/3/2)</translation>
    </message>
    <message>
        <source>F 消费次数（5/4/3/2分下限）</source>
        <translation>F purchases (lower limits for 5/4/3/2)</translation>
    </message>
    <message>
        <source>M 消费金额·元（5/4/3/2分下限）</source>
        <translation>M spend in ¥ (lower limits for 5/4/3/2)</translation>
    </message>
    <message>
        <source>M 消费金额</source>
        <translation>M spend</translation>
    </message>
    <message>
        <source>R 最近消费天数</source>
        <translation>R days since last purchase</translation>
    </message>
    <message>
        <source>F 消费次数</source>
        <translation>F purchases</translation>
    </message>
    <message>
        <source>正在统计 {month} ……</source>
        <translation>Working out {month}…</translation>
    </message>
    <message>
        <source>正在统计月度报表</source>
        <translation>Working out the monthly report</translation>
    </message>
    <message numerus="yes">
        <source>{month}：净销售额 {sales}，活跃会员 {members} 人</source>
        <translation>
            <numerusform>{month}: net sales {sales}, {members} active member</numerusform>
            <numerusform>{month}: net sales {sales}, {members} active members</numerusform>
        </translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>正在导出Excel</source>
        <translation>Exporting to Excel</translation>
    </message>
    <message>
        <source>导出月度报表</source>
        <translation>Export the monthly report</translation>
    </message>
    <message>
        <source>月度报表-{month}.xlsx</source>
        <translation>monthly-report-{month}.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>专属店员</source>
        <translation>Own staff</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>营销退订</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>店员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>发放对象</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>发放张数</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>已使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>使用率</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>优惠金额(元)</source>
        <translation>Discount (¥)</translation>
    </message>
    <message>
        <source>原内容</source>
        <translation>Row contents</translation>
    </message>
    <message>
        <source>问题原因</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>小票号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>得积分</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>抵现积分</source>
        <translation>Points as cash</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>积分加成</source>
        <translation>Points bonus</translation>
    </message>
    <message>
        <source>券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>券号</source>
        <translation>Coupon no.</translation>
    </message>
    <message>
        <source>原等级</source>
        <translation>From tier</translation>
    </message>
    <message>
        <source>新等级</source>
        <translation>To tier</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>读数</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>测量人</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>卡号</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>药品分类</source>
        <translation>Drug class</translation>
    </message>
    <message>
        <source>所需积分</source>
        <translation>Points needed</translation>
    </message>
    <message>
        <source>价值(元)</source>
        <translation>Value (¥)</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>兑换品</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>已退</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>可退</source>
        <translation>Returnable</translation>
    </message>
    <message>
        <source>本次退</source>
        <translation>Return now</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>定义</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>专属会员</source>
        <translation>Own members</translation>
    </message>
    <message>
        <source>本月新登记</source>
        <translation>Signed up this month</translation>
    </message>
    <message>
        <source>本月新增沉睡</source>
        <translation>Newly dormant</translation>
    </message>
    <message>
        <source>接待业绩（元）</source>
        <translation>Served (¥)</translation>
    </message>
    <message>
        <source>专属分成（元）</source>
        <translation>Own share (¥)</translation>
    </message>
    <message>
        <source>合计业绩（元）</source>
        <translation>Total credit (¥)</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>表格中的列名</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>每档积分</source>
        <translation>Points per step</translation>
    </message>
    <message>
        <source>每档金额（元）</source>
        <translation>Step amount (¥)</translation>
    </message>
    <message>
        <source>消费门槛（元）</source>
        <translation>Spend threshold (¥)</translation>
    </message>
    <message>
        <source>消费次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>积分倍数</source>
        <translation>Points multiplier</translation>
    </message>
    <message>
        <source>每月兑换上限（元）</source>
        <translation>Monthly redemption cap (¥)</translation>
    </message>
    <message>
        <source>特权（、分隔）</source>
        <translation>Privileges</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>含义</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>连续输错</source>
        <translation>Failed tries</translation>
    </message>
    <message>
        <source>加入时间</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>有效天数</source>
        <translation>Valid days</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>标记已联系</source>
        <translation>Mark as contacted</translation>
    </message>
    <message>
        <source>会员：</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>回访原因：</source>
        <translation>Reason for the call:</translation>
    </message>
    <message>
        <source>结果：</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>例如：周六来店取药</source>
        <translation>e.g. picks up the medicine on Saturday</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CouponReportWindow</name>
    <message>
        <source>券核销</source>
        <translation>Coupon usage</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>已使用：收银时抵扣过（整单退货退回的不算）或体验券已兑换服务。使用率 = 已使用 ÷ 发放张数。</source>
        <translation>Used: taken off a sale at the till (not counting coupons given back by a full return) or a service coupon redeemed. Usage = used ÷ issued.</translation>
    </message>
    <message>
        <source>正在统计券核销</source>
        <translation>Counting coupon usage</translation>
    </message>
    <message>
        <source>合计发放 {issued} 张，已使用 {used} 张，优惠 {discount} 元</source>
        <translation>In all {issued} issued, {used} used, ¥{discount} off</translation>
    </message>
    <message>
        <source>导出券核销</source>
        <translation>Export coupon usage</translation>
    </message>
</context>
<context>
    <name>CouponTemplatesWindow</name>
    <message>
        <source>发放中</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>优惠券模板</source>
        <translation>Coupon templates</translation>
    </message>
    <message>
        <source>顾客看到的名称，例如 满100减10</source>
        <translation>The name customers see, e.g. 10 off 100</translation>
    </message>
    <message>
        <source>元，例如 10 或 9.90</source>
        <translation>yuan, e.g. 10 or 9.90</translation>
    </message>
    <message>
        <source>减免的百分比：10% 即九折，按分向下取整</source>
        <translation>The percentage taken off: 10% means pay 90%, rounded down to the fen</translation>
    </message>
    <message>
        <source>元；满减券必填，其他券可不填</source>
        <translation>yuan; required for a threshold coupon, optional for the others</translation>
    </message>
    <message>
        <source>例如 免费测血压、药师咨询</source>
        <translation>e.g. free blood pressure check, pharmacist consultation</translation>
    </message>
    <message>
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>折扣(&amp;P)</source>
        <translation>&amp;Percent off</translation>
    </message>
    <message>
        <source>使用门槛(&amp;M)</source>
        <translation>&amp;Minimum spend</translation>
    </message>
    <message>
        <source>服务(&amp;S)</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>发放后有效(&amp;D)</source>
        <translation>Vali&amp;d after issue</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>清空表单</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <source>模板内容</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>回访名单：{title}</source>
        <translation>Call list: {title}</translation>
    </message>
    <message>
        <source>营销活动：{title}</source>
        <translation>Campaign: {title}</translation>
    </message>
    <message>
        <source>按所选模板发放</source>
        <translation>Issue the selected template</translation>
    </message>
    <message>
        <source>发放给名单</source>
        <translation>Issue to a list</translation>
    </message>
    <message>
        <source>发给(&amp;T)</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>名单上今天的每位会员各发一张（退订营销的会员不在营销名单上）；同一名单同一天再发不会重复。发给单个会员请在会员详情里点“发券…”。</source>
        <translation>Each member on today&apos;s list gets one (members who opted out are not on marketing lists); issuing the same list again the same day adds nobody twice. To issue to one member, use “Issue coupon…” in the member details.</translation>
    </message>
    <message>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>面额(&amp;V)</source>
        <translation>&amp;Value</translation>
    </message>
    <message>
        <source>减免金额(&amp;V)</source>
        <translation>Amount &amp;off</translation>
    </message>
    <message>
        <source>服务价值(&amp;V)</source>
        <translation>Service &amp;value</translation>
    </message>
    <message>
        <source>金额(&amp;V)</source>
        <translation>Amount (&amp;V)</translation>
    </message>
    <message>
        <source>收银时抵扣面额，最多抵到应付为零。</source>
        <translation>Takes its value off the sale at the till, down to nothing due at most.</translation>
    </message>
    <message>
        <source>收银时按合计金额减去这个百分比，按分向下取整。</source>
        <translation>Takes this percentage off the total at the till, rounded down to the fen.</translation>
    </message>
    <message>
        <source>消费满门槛金额才能使用，抵扣减免金额。</source>
        <translation>Usable on a sale of at least the minimum spend; takes the amount off.</translation>
    </message>
    <message>
        <source>在柜台兑换所写的服务，不抵扣货款；服务价值只作记录，可不填。</source>
        <translation>Redeemed at the counter for the service named; takes nothing off a sale. The service value is for the record and may be left empty.</translation>
    </message>
    <message>
        <source>没有改动。</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>已新增券模板“{title}”。</source>
        <translation>Template “{title}” added.</translation>
    </message>
    <message>
        <source>已保存“{title}”；以后发放的券按新内容，已发放的券不变。</source>
        <translation>“{title}” saved; coupons issued from now on carry the new terms, those already issued keep theirs.</translation>
    </message>
    <message>
        <source>已停用“{title}”：不再发放，已发放的券仍可使用。</source>
        <translation>“{title}” retired: no more are issued; coupons already issued stay usable.</translation>
    </message>
    <message>
        <source>已重新启用“{title}”。</source>
        <translation>“{title}” reactivated.</translation>
    </message>
    <message>
        <source>这个名单今天没有会员，没有发券。</source>
        <translation>Nobody is on this list today; no coupon was issued.</translation>
    </message>
    <message>
        <source>已发放 {issued} 张“{title}”。</source>
        <translation>Issued {issued} “{title}”.</translation>
    </message>
    <message numerus="yes">
        <source>%n 位今天已经发过，没有重复发。</source>
        <translation>
            <numerusform> %n member already had one today and got no second.</numerusform>
            <numerusform> %n members already had one today and got no second.</numerusform>
        </translation>
    </message>
    <message>
        <source>正在发券</source>
        <translation>Issuing coupons</translation>
    </message>
</context>
<context>
    <name>DayEndDialog</name>
    <message>
        <source>日结</source>
        <translation>Day end</translation>
    </message>
    <message>
        <source>↑↓ 换一天（过去的日子可以补打），回车生成日结报表。</source>
        <translation>↑↓ to change the day (a past day&apos;s report can be printed again), Enter to make the day-end report.</translation>
    </message>
    <message>
        <source>生成日结 (Enter)</source>
        <translation>Make the day-end report (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
</context>
<context>
    <name>DeclaredField</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message numerus="yes">
        <source>已导出{table} %n 行到
{path}</source>
        <translation>
            <numerusform>Exported %n row of {table} to
{path}</numerusform>
            <numerusform>Exported %n rows of {table} to
{path}</numerusform>
        </translation>
    </message>
    <message>
        <source>正在导出{table}</source>
        <translation>Exporting {table}</translation>
    </message>
    <message>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>导出{table}</source>
        <translation>Export {table}</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>选择会员名单文件</source>
        <translation>Choose the member list</translation>
    </message>
    <message>
        <source>支持 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）和 CSV 文件；所有工作表都会导入。</source>
        <translation>Excel (.xlsx, .xls), WPS/LibreOffice (.ods) and CSV files; every sheet is imported.</translation>
    </message>
    <message>
        <source>文件路径</source>
        <translation>File path</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>导入前会先预演：显示新增、合并、冲突和有误的行数，确认后才写入。</source>
        <translation>A dry run comes first: it shows how many rows are new, merged, in conflict or wrong, and nothing is written until you confirm.</translation>
    </message>
    <message>
        <source>选择会员名单</source>
        <translation>Choose the member list</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>该会员尚未同意收集健康信息，不能查看或记录健康档案。</source>
        <translation>This member has not agreed to health information being kept: the health file cannot be viewed or written.</translation>
    </message>
    <message>
        <source>会员本人已同意收集其健康信息（慢病、过敏史、用药、测量记录）</source>
        <translation>The member has agreed to their health information being kept (chronic conditions, allergies, medicines, measurements)</translation>
    </message>
    <message>
        <source>记录同意</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>如：高血压、2型糖尿病</source>
        <translation>e.g. hypertension, type 2 diabetes</translation>
    </message>
    <message>
        <source>如：青霉素过敏</source>
        <translation>e.g. penicillin allergy</translation>
    </message>
    <message>
        <source>如：氨氯地平片 5mg 每日一次</source>
        <translation>e.g. amlodipine 5 mg once a day</translation>
    </message>
    <message>
        <source>保存健康档案</source>
        <translation>Save health file</translation>
    </message>
    <message>
        <source>撤回同意并删除健康信息</source>
        <translation>Withdraw consent and delete health information</translation>
    </message>
    <message>
        <source>慢病</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>长期用药</source>
        <translation>Long-term medicines</translation>
    </message>
    <message>
        <source>导入的病史（待与会员确认）</source>
        <translation>Imported medical history (to confirm with the member)</translation>
    </message>
    <message>
        <source>会员确认后可修改再写入</source>
        <translation>Correct it as the member confirms it, then record it</translation>
    </message>
    <message>
        <source>会员已确认，写入慢病</source>
        <translation>Confirmed by the member: add to chronic conditions</translation>
    </message>
    <message>
        <source>会员已于 {date} 同意收集健康信息。</source>
        <translation>The member agreed to health information being kept on {date}.</translation>
    </message>
    <message>
        <source>从旧名单导入，尚未与会员核实：请当面询问会员，确认后写入健康档案。</source>
        <translation>Imported from an old list and not yet checked with the member: ask them in person, then record what they confirm in the health file.</translation>
    </message>
    <message>
        <source>从旧名单导入，尚未与会员核实：会员同意收集健康信息后，才能确认写入健康档案。</source>
        <translation>Imported from an old list and not yet checked with the member: it can be confirmed into the health file once the member consents to it.</translation>
    </message>
    <message>
        <source>已记录会员的同意。</source>
        <translation>The member&apos;s consent is recorded.</translation>
    </message>
    <message>
        <source>健康档案已保存。</source>
        <translation>Health file saved.</translation>
    </message>
    <message>
        <source>导入的病史已确认，写入慢病。</source>
        <translation>The imported history is confirmed and added to the chronic conditions.</translation>
    </message>
    <message>
        <source>撤回同意</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>撤回后将删除该会员的慢病、过敏史、用药和全部测量记录，且无法恢复。确定吗？</source>
        <translation>Withdrawing deletes this member&apos;s chronic conditions, allergies, medicines and all measurements, for good. Are you sure?</translation>
    </message>
    <message>
        <source>已撤回同意，健康信息已删除。</source>
        <translation>Consent withdrawn; the health information is deleted.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>点击“开始导入”写入数据。导入分批写入，收银台照常收银；中途取消时已写入的会员连同积分都完整保留，再次导入同一个文件会接着完成。</source>
        <translation>Click &quot;Start import&quot; to write the data. It is written in batches while the till keeps working; if you cancel midway, the members written so far are kept whole with their points, and importing the same file again finishes the rest.</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>尚未导入。</source>
        <translation>Not imported yet.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入会员</source>
        <translation>Import members</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在与已有会员核对……</source>
        <translation>Checking against existing members…</translation>
    </message>
    <message>
        <source>正在读取文件</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入完成。</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <source>正在导入会员</source>
        <translation>Importing members</translation>
    </message>
    <message>
        <source>导入没有完成，没有写入任何数据。</source>
        <translation>The import did not finish; nothing was written.</translation>
    </message>
</context>
<context>
    <name>IssueCouponDialog</name>
    <message>
        <source>发券</source>
        <translation>Issue coupon</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>券模板(&amp;T)</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <source>还没有可发放的券模板：请先在“店长 ▸ 优惠券模板”里新增。</source>
        <translation>No template to issue yet: add one in “Owner ▸ Coupon templates” first.</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已发放“{title}”一张。</source>
        <translation>Issued one “{title}”.</translation>
    </message>
    <message>
        <source>这张券刚才已经发过了。</source>
        <translation>This coupon was issued a moment ago.</translation>
    </message>
</context>
<context>
    <name>ListsWindow</name>
    <message>
        <source>已退订</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>回访名单</source>
        <translation>Call lists</translation>
    </message>
    <message>
        <source>全部店员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>标记已联系…</source>
        <translation>Mark as contacted…</translation>
    </message>
    <message>
        <source>只有店长可以导出回访名单。</source>
        <translation>Only the owner may export a call list.</translation>
    </message>
    <message>
        <source>会员卡…</source>
        <translation>Member cards…</translation>
    </message>
    <message>
        <source>只有店长可以打印整张名单的会员卡。</source>
        <translation>Only the owner may print the cards of a whole list.</translation>
    </message>
    <message>
        <source>名单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <source>专属店员：</source>
        <translation>Own staff:</translation>
    </message>
    <message>
        <source>正在读取名单…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <source>读取名单</source>
        <translation>Reading the list</translation>
    </message>
    <message>
        <source>（只显示前 {limit} 位）</source>
        <translation> (only the first {limit} shown)</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 位会员{more}。双击一行或点“标记已联系”登记回访结果，已联系的会员不会出现在明天的名单里。</source>
        <translation>
            <numerusform>%n member{more}. Double-click a row or press “Mark as contacted” to record the call; members contacted today are not on tomorrow’s list.</numerusform>
            <numerusform>%n members{more}. Double-click a row or press “Mark as contacted” to record the call; members contacted today are not on tomorrow’s list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 位会员到 {path}</source>
        <translation>
            <numerusform>Exported %n member to {path}</numerusform>
            <numerusform>Exported %n members to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source> 等{count}位</source>
        <translation> and others ({count} in all)</translation>
    </message>
    <message>
        <source>请先在名单中选中要标记的会员。</source>
        <translation>First select the members to mark in the list.</translation>
    </message>
    <message>
        <source>导出回访名单</source>
        <translation>Export call list</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>已锁屏</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>{name} 于 {time} 锁屏。输入 PIN 或密码解锁；换人时先输入自己的姓名。</source>
        <translation>{name} locked the counter at {time}. Type the PIN or password to unlock; someone else types their own name first.</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <source>输入姓名和 PIN 或密码后回车。</source>
        <translation>Type your name and PIN or password, then Enter.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>扫会员卡或输入手机号，回车。Esc：散客。F2 登记新会员，F3 会员详情，F4 积分兑换，F5 退货。Ctrl+L 锁屏。</source>
        <translation>Scan a card or type a phone, Enter. Esc: walk-in. F2 sign up, F3 member details, F4 redeem, F5 returns. Ctrl+L locks.</translation>
    </message>
    <message>
        <source>已锁屏：输入 PIN 或密码后回车解锁；换人时先输入自己的姓名。</source>
        <translation>Locked: type the PIN or password, then Enter, to unlock; someone else types their own name first.</translation>
    </message>
    <message>
        <source>请登录：输入姓名和 PIN 或密码后回车。</source>
        <translation>Please sign in: type your name and PIN or password, then Enter.</translation>
    </message>
    <message>
        <source>切换</source>
        <translation>Switch</translation>
    </message>
    <message>
        <source>换一位店员登录（姓名 + PIN），收银单上已录入的内容保留。</source>
        <translation>Another staff member signs in (name + PIN); what is typed in the sale stays.</translation>
    </message>
    <message>
        <source>店员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source> 当前店员：</source>
        <translation> At the till: </translation>
    </message>
    <message>
        <source>今日整理完成：过期积分 {expired} 分，等级复核降级 {downgraded} 人、升级 {upgraded} 人。</source>
        <translation>Daily housekeeping done. Points expired: {expired}; tier review: {downgraded} down, {upgraded} up.</translation>
    </message>
    <message>
        <source>每日整理</source>
        <translation>Daily housekeeping</translation>
    </message>
    <message>
        <source>已从 {path} 恢复，请重新登录。</source>
        <translation>Restored from {path}: please sign in again.</translation>
    </message>
    <message>
        <source>切换店员</source>
        <translation>Switch staff</translation>
    </message>
    <message>
        <source>会员(&amp;M)</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <source>登记新会员</source>
        <translation>Sign up a member</translation>
    </message>
    <message>
        <source>会员详情</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>积分兑换</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>散客（清除当前会员）</source>
        <translation>Walk-in (clear the member)</translation>
    </message>
    <message>
        <source>店长(&amp;O)</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>经营图表</source>
        <translation>Business charts</translation>
    </message>
    <message>
        <source>回访名单</source>
        <translation>Call lists</translation>
    </message>
    <message>
        <source>营销活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>积分兑换目录</source>
        <translation>Redemption catalogue</translation>
    </message>
    <message>
        <source>优惠券模板</source>
        <translation>Coupon templates</translation>
    </message>
    <message>
        <source>券核销</source>
        <translation>Coupon usage</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>从Excel导入会员</source>
        <translation>Import members from Excel</translation>
    </message>
    <message>
        <source>店员管理</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>店员(&amp;S)</source>
        <translation>&amp;Staff</translation>
    </message>
    <message>
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>交班</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day end</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>请先找到会员（扫卡或输入手机号）。</source>
        <translation>Find the member first (scan the card or type the phone).</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>核对列的对应关系</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <source>每张表从哪一行开始、每一列导入为哪一项，都可以修改；修改会被记住，下次遇到同样的表头自动使用。</source>
        <translation>You can change where each sheet starts and what each column is imported as; your changes are remembered and used again for the same headers.</translation>
    </message>
    <message>
        <source>导入这张表</source>
        <translation>Import this sheet</translation>
    </message>
    <message>
        <source>没有表头</source>
        <translation>No header</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Row </translation>
    </message>
    <message>
        <source> 行</source>
        <translation> </translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>表头在：</source>
        <translation>Header in:</translation>
    </message>
    <message>
        <source>{sheet}（导入）</source>
        <translation>{sheet} (imported)</translation>
    </message>
    <message>
        <source>{sheet}（未导入）</source>
        <translation>{sheet} (not imported)</translation>
    </message>
    <message>
        <source>这张表没有导入：{reason}。可以指定表头和各列后勾选“导入这张表”。</source>
        <translation>This sheet is not imported: {reason}. Choose its header and columns, then tick &quot;Import this sheet&quot;.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>第 {columns} 列是按内容推断的，请核对。</source>
        <translation>
            <numerusform>Column {columns} was guessed from its contents: please check it.</numerusform>
            <numerusform>Columns {columns} were guessed from their contents: please check them.</numerusform>
        </translation>
    </message>
    <message>
        <source>还需要指定：{fields}。</source>
        <translation>Still to choose: {fields}.</translation>
    </message>
    <message>
        <source>没有要导入的工作表：请选择一张表，指定表头和姓名、手机号列。</source>
        <translation>No sheet to import: choose a sheet, its header and its name and phone columns.</translation>
    </message>
</context>
<context>
    <name>MeasurementsTab</name>
    <message>
        <source>收缩压</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>血糖</source>
        <translation>Glucose</translation>
    </message>
    <message>
        <source>备注，如：空腹</source>
        <translation>Note, e.g. fasting</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>测量已记录。</source>
        <translation>Measurement recorded.</translation>
    </message>
</context>
<context>
    <name>MemberDetailDialog</name>
    <message>
        <source>会员详情</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>资料</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>健康档案</source>
        <translation>Health file</translation>
    </message>
    <message>
        <source>积分流水</source>
        <translation>Points ledger</translation>
    </message>
    <message>
        <source>消费记录</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>优惠券</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>等级变更</source>
        <translation>Tier changes</translation>
    </message>
    <message>
        <source>测量记录</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>会员卡…</source>
        <translation>Member cards…</translation>
    </message>
    <message>
        <source>调整积分…</source>
        <translation>Adjust points…</translation>
    </message>
    <message>
        <source>发券…</source>
        <translation>Issue coupon…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&#x3000;&lt;b style=&apos;color:#b00020&apos;&gt;过敏：{allergies}&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:#b00020&apos;&gt;Allergies: {allergies}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;{tier}&#x3000;卡号 {card}&#x3000;手机 {phone}&#x3000;可用积分 {points}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {tier} · card {card} · phone {phone} · usable points {points}</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>11位手机号</source>
        <translation>11-digit phone number</translation>
    </message>
    <message>
        <source>可不填，如 1965-3-8</source>
        <translation>Optional, e.g. 1965-3-8</translation>
    </message>
    <message>
        <source>扫描预印会员卡；不填则自动生成卡号</source>
        <translation>Scan a pre-printed card; left empty, a card number is made</translation>
    </message>
    <message>
        <source>小区、楼栋</source>
        <translation>Estate, building</translation>
    </message>
    <message>
        <source>同意收集健康信息（慢病、过敏史、用药，仅药师和店长可见）</source>
        <translation>Agrees to health details being kept (conditions, allergies, medicines; pharmacists and owner only)</translation>
    </message>
    <message>
        <source>同意接收优惠信息（短信、电话回访）</source>
        <translation>Agrees to receive offers (text messages, calls)</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>会员卡号</source>
        <translation>Member card</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>专属店员</source>
        <translation>Own staff member</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>本月生日：记得送上祝福</source>
        <translation>Birthday this month: wish them a happy birthday</translation>
    </message>
    <message>
        <source>本月生日：积分{factor}，记得送上祝福</source>
        <translation>Birthday this month: points {factor}, wish them a happy birthday</translation>
    </message>
    <message>
        <source>资料已核对 (Ctrl+K)</source>
        <translation>Details checked (Ctrl+K)</translation>
    </message>
    <message>
        <source>手机 / 卡号</source>
        <translation>Phone / card</translation>
    </message>
    <message>
        <source>积分余额</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <source>可用券</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>本月可抵现</source>
        <translation>Redeemable this month</translation>
    </message>
    <message>
        <source>积分加成</source>
        <translation>Points bonus</translation>
    </message>
    <message>
        <source>等级特权</source>
        <translation>Tier privileges</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>已结账。下一位顾客请扫卡；直接录入金额按散客记账。</source>
        <translation>Paid. Scan the next customer&apos;s card; amounts typed without one are a walk-in sale.</translation>
    </message>
    <message numerus="yes">
        <source>%n 分（可用 {usable} 分）</source>
        <translation>
            <numerusform>%n point ({usable} usable)</numerusform>
            <numerusform>%n points ({usable} usable)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 分将在 {days}内到期</source>
        <translation>
            <numerusform>%n point expires within {days}</numerusform>
            <numerusform>%n points expire within {days}</numerusform>
        </translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>用药提醒：{medicine} {bought} 购买，约 {runs_out} 用完</source>
        <translation>Refill due: {medicine} bought {bought}, runs out about {runs_out}</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>过敏史：{allergies}</source>
        <translation>Allergies: {allergies}</translation>
    </message>
    <message>
        <source>慢病：{conditions}</source>
        <translation>Chronic conditions: {conditions}</translation>
    </message>
    <message>
        <source>长期用药：{medicines}</source>
        <translation>Long-term medicines: {medicines}</translation>
    </message>
    <message>
        <source>资料很久没有核对了：请向顾客确认电话和地址</source>
        <translation>Details not checked for a long time: please confirm phone and address with the customer</translation>
    </message>
    <message>
        <source>散客</source>
        <translation>Walk-in</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>店长账号</source>
        <translation>Owner&apos;s account</translation>
    </message>
    <message>
        <source>店长管理店员、规则和数据。密码至少 8 个字符，请牢记；店员的账号开店后在“店员管理”中添加。</source>
        <translation>The owner manages staff, rules and data. The password needs at least 8 characters: keep it safe. Staff accounts are added later under &quot;Staff&quot;.</translation>
    </message>
    <message>
        <source>店长姓名(&amp;N)*</source>
        <translation>Owner&apos;s &amp;name*</translation>
    </message>
    <message>
        <source>密码(&amp;P)*</source>
        <translation>&amp;Password*</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)*</source>
        <translation>Password &amp;again*</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>PharmacyPage</name>
    <message>
        <source>药店信息</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>店名、地址和电话会印在小票、会员卡和短信内容上。</source>
        <translation>The name, address and phone number are printed on receipts, member cards and text messages.</translation>
    </message>
    <message>
        <source>如 0571-88886666</source>
        <translation>e.g. 0571-88886666</translation>
    </message>
    <message>
        <source>药店名称(&amp;N)*</source>
        <translation>Pharmacy &amp;name*</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
</context>
<context>
    <name>PointsAdjustDialog</name>
    <message>
        <source>调整积分</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;{tier}&#x3000;可用积分 {points}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {tier} · usable points {points}</translation>
    </message>
    <message>
        <source>正数为增加积分，负数为扣减积分</source>
        <translation>A positive number adds points, a negative one takes them off</translation>
    </message>
    <message>
        <source>必填，例如：补录 11 月 3 日漏积的消费</source>
        <translation>Required, e.g. points missed on a sale of 3 November</translation>
    </message>
    <message>
        <source>调整积分(&amp;P)</source>
        <translation>&amp;Points</translation>
    </message>
    <message>
        <source>原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>增加的积分按今天起算有效期；扣减从最早到期的积分扣起。调整另记一笔，原有流水不改。</source>
        <translation>Added points expire counting from today; points taken off come from those expiring first. The adjustment is a new entry; the ledger is never edited.</translation>
    </message>
    <message>
        <source>确认调整</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>已调整 {points} 分，现有 {balance} 分。</source>
        <translation>
            <numerusform>Adjusted by {points} point; the balance is now {balance}.</numerusform>
            <numerusform>Adjusted by {points} points; the balance is now {balance}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>各类别积分规则</source>
        <translation>Points by category</translation>
    </message>
    <message>
        <source>一个类别的积分 = 该类别实付金额 ÷ 每档金额 × 每档积分，舍去小数；处方药通常为 0 分。</source>
        <translation>A category&apos;s points = amount paid in it ÷ step amount × points per step, rounded down; prescription drugs usually earn 0.</translation>
    </message>
    <message>
        <source>{category}：每档金额必须大于 0 元。</source>
        <translation>{category}: the step amount must be more than ¥0.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>以下是预演结果，还没有写入任何数据。</source>
        <translation>This is the dry run: nothing has been written yet.</translation>
    </message>
    <message>
        <source>保存身份证号（默认只用来补全生日和性别）</source>
        <translation>Keep ID numbers (by default they only fill in birthday and gender)</translation>
    </message>
    <message>
        <source>期初积分有效期：导入后</source>
        <translation>Opening points expire after</translation>
    </message>
    <message>
        <source>有问题的行（不会导入，导入后可保存为错误报告，修改后再导入）：</source>
        <translation>Rows with problems (not imported; save them as an error report afterwards, correct them and import again):</translation>
    </message>
    <message>
        <source>新增会员 &lt;b&gt;{new}&lt;/b&gt; 人，合并到已有会员 &lt;b&gt;{merged}&lt;/b&gt; 人，冲突 &lt;b&gt;{conflicts}&lt;/b&gt; 行，数据有误 &lt;b&gt;{rejected}&lt;/b&gt; 行，跳过空行和合计行 {skipped} 行；期初积分共 &lt;b&gt;{points}&lt;/b&gt; 分。</source>
        <translation>New members: &lt;b&gt;{new}&lt;/b&gt;; merged into existing members: &lt;b&gt;{merged}&lt;/b&gt;; rows in conflict: &lt;b&gt;{conflicts}&lt;/b&gt;; rows with wrong data: &lt;b&gt;{rejected}&lt;/b&gt;; blank and total rows skipped: {skipped}; opening points in all: &lt;b&gt;{points}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>这个文件已经导入过，再次导入不会有任何改动。</source>
        <translation>This file has been imported before: importing it again changes nothing.</translation>
    </message>
    <message numerus="yes">
        <source>{reason}：%n 行</source>
        <translation>
            <numerusform>{reason}: %n row</numerusform>
            <numerusform>{reason}: %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>没有期初积分。</source>
        <translation>No opening points.</translation>
    </message>
    <message numerus="yes">
        <source>期初积分共 {points} 分，可抵现约 {amount} 元；有效期至 {until}（导入后 %n 个月，可以修改）。</source>
        <translation>
            <numerusform>Opening points: {points}, worth about ¥{amount}; valid until {until} (%n month after the import, which you can change).</numerusform>
            <numerusform>Opening points: {points}, worth about ¥{amount}; valid until {until} (%n months after the import, which you can change).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>保存资料</source>
        <translation>Save details</translation>
    </message>
    <message>
        <source>资料已确认</source>
        <translation>Details confirmed</translation>
    </message>
    <message>
        <source>已向会员核对过资料，无需修改</source>
        <translation>Checked with the member: nothing to change</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>入会 {joined}&#x3000;资料确认 {confirmed}</source>
        <translation>Joined {joined} · details confirmed {confirmed}</translation>
    </message>
    <message>
        <source>资料已保存。</source>
        <translation>Details saved.</translation>
    </message>
    <message>
        <source>已记录：资料与会员核对无误。</source>
        <translation>Recorded: the details were checked with the member.</translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <source>记账后在这里显示小票。</source>
        <translation>The receipt appears here after a sale is recorded.</translation>
    </message>
    <message>
        <source>打印小票 (Ctrl+P)</source>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>小票</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>纸宽</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>打印小票</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>小票_{number}.pdf</source>
        <translation>receipt_{number}.pdf</translation>
    </message>
</context>
<context>
    <name>RedemptionDialog</name>
    <message>
        <source>不限</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>积分兑换</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>数量 </source>
        <translation>Quantity </translation>
    </message>
    <message>
        <source>兑换 (Enter)</source>
        <translation>Redeem (Enter)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name}（{tier}）&#x3000;可用积分 {points}&#x3000;本月还可兑换 {amount} 元</source>
        <translation>{name} ({tier}) · usable points {points} · ¥{amount} left to redeem this month</translation>
    </message>
    <message>
        <source>兑换目录里还没有礼品或服务，店长添加后即可兑换。</source>
        <translation>The catalogue has no gifts or services yet: once the owner adds some they can be redeemed.</translation>
    </message>
    <message>
        <source>请先在目录中选择礼品或服务。</source>
        <translation>Choose a gift or service in the catalogue first.</translation>
    </message>
    <message numerus="yes">
        <source>兑换 {item} × {quantity}：扣 %n 积分，积分 {before} → {after}。确认请再按回车。</source>
        <translation>
            <numerusform>Redeem {item} × {quantity}: %n point off, points {before} → {after}. Press Enter again to confirm.</numerusform>
            <numerusform>Redeem {item} × {quantity}: %n points off, points {before} → {after}. Press Enter again to confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已兑换 {item} × {quantity}，扣 %n 积分，余额 {balance}。凭条已显示在小票区。</source>
        <translation>
            <numerusform>Redeemed {item} × {quantity}: %n point off, balance {balance}. The slip is in the receipt pane.</numerusform>
            <numerusform>Redeemed {item} × {quantity}: %n points off, balance {balance}. The slip is in the receipt pane.</numerusform>
        </translation>
    </message>
    <message>
        <source>确认兑换 (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>已兑换</source>
        <translation>Redeemed</translation>
    </message>
</context>
<context>
    <name>RepairStatus</name>
    <message>
        <source>后台恢复</source>
        <translation>Restoring in the background</translation>
    </message>
    <message>
        <source>正在后台恢复统计和索引</source>
        <translation>Restoring figures and indexes in the background</translation>
    </message>
    <message>
        <source>{doing}（{percent}%）</source>
        <translation>{doing} ({percent}%)</translation>
    </message>
    <message>
        <source>{doing}：收银照常，月报暂按明细计算。</source>
        <translation>{doing}. Sales go on as usual; the month&apos;s report counts from the records meanwhile.</translation>
    </message>
    <message>
        <source>后台恢复完成：会员统计和索引已重新齐全。</source>
        <translation>Restored in the background: the member figures and indexes are complete again.</translation>
    </message>
    <message>
        <source>后台恢复没有完成：{reason}</source>
        <translation>The background restore did not finish: {reason}</translation>
    </message>
    <message>
        <source>收银照常。下次打开程序时会再试。</source>
        <translation>Sales go on as usual. It is tried again the next time the program opens.</translation>
    </message>
</context>
<context>
    <name>RestoreWindow</name>
    <message>
        <source>尚无备份</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>上次备份：{time}</source>
        <translation>Last backup: {time}</translation>
    </message>
    <message>
        <source>原来没有数据库文件</source>
        <translation>there was no database file before</translation>
    </message>
    <message>
        <source>恢复前的数据库保存为 {path}</source>
        <translation>the database as it was is kept as {path}</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>从所选备份恢复</source>
        <translation>Restore the chosen backup</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <source>只有店长可以恢复备份。</source>
        <translation>Only the owner can restore a backup.</translation>
    </message>
    <message>
        <source>已备份到 {path}（完整性检查通过）。</source>
        <translation>Backed up to {path} (integrity check passed).</translation>
    </message>
    <message>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>请先在列表中选择一个备份。</source>
        <translation>Choose a backup in the list first.</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3);;所有文件 (*)</source>
        <translation>Database backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>确认恢复</source>
        <translation>Confirm restore</translation>
    </message>
    <message>
        <source>将用 {source} 替换当前数据库；当前数据库会先备份保留。再按一次“确认恢复”执行。</source>
        <translation>This replaces the current database with {source}; the current one is backed up first. Press &quot;Confirm restore&quot; to go ahead.</translation>
    </message>
    <message>
        <source>已从 {source} 恢复。{kept}。</source>
        <translation>Restored from {source}; {kept}.</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>从最近的备份恢复</source>
        <translation>Restore the latest backup</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <source>这个文件以前已经导入过，本次没有任何改动。</source>
        <translation>This file was imported before; nothing changed this time.</translation>
    </message>
    <message>
        <source>新增 {created} 位会员，补充了 {updated} 位已有会员的资料，{balances} 位会员录入期初积分共 {points} 分。</source>
        <translation>New members: {created}; existing members given more details: {updated}; members given opening points: {balances}; opening points in all: {points}.</translation>
    </message>
    <message>
        <source>所有行都已导入。</source>
        <translation>Every row was imported.</translation>
    </message>
    <message numerus="yes">
        <source>%n 行没有导入。</source>
        <translation>
            <numerusform>%n row was not imported.</numerusform>
            <numerusform>%n rows were not imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}_错误报告.xlsx</source>
        <translation>{name}_error-report.xlsx</translation>
    </message>
    <message>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message numerus="yes">
        <source>已保存 %n 行到 {path}</source>
        <translation>
            <numerusform>Saved %n row to {path}</numerusform>
            <numerusform>Saved %n rows to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <source>{method}（{way}）</source>
        <translation>{method} ({way})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message numerus="yes">
        <source>退回抵现积分 %n</source>
        <translation>
            <numerusform>%n point used as cash given back</numerusform>
            <numerusform>%n points used as cash given back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>扣回所得积分 %n</source>
        <translation>
            <numerusform>%n point earned taken back</numerusform>
            <numerusform>%n points earned taken back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>积分不足未能扣回 %n</source>
        <translation>
            <numerusform>%n point could not be taken back (balance too low)</numerusform>
            <numerusform>%n points could not be taken back (balance too low)</numerusform>
        </translation>
    </message>
    <message>
        <source>将退款 {amount} 元：{refunds}</source>
        <translation>Will refund ¥{amount}: {refunds}</translation>
    </message>
    <message>
        <source>优惠券退回</source>
        <translation>coupon given back</translation>
    </message>
    <message>
        <source>已退款 {amount} 元</source>
        <translation>Refunded ¥{amount}</translation>
    </message>
    <message>
        <source>{refunded}：{refunds}</source>
        <translation>{refunded}: {refunds}</translation>
    </message>
    <message>
        <source>优惠券已退回</source>
        <translation>coupon given back</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>扫描或输入小票号，回车查找</source>
        <translation>Scan or type the receipt number, Enter to find it</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>小票号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>尚未选择消费记录。</source>
        <translation>No sale chosen yet.</translation>
    </message>
    <message>
        <source>请选择退货原因</source>
        <translation>Choose a reason</translation>
    </message>
    <message>
        <source>全部退货</source>
        <translation>Return all</translation>
    </message>
    <message>
        <source>部分退货</source>
        <translation>Return part</translation>
    </message>
    <message>
        <source>确认退货</source>
        <translation>Confirm return</translation>
    </message>
    <message>
        <source>重印小票</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>把这笔消费的小票（含已退货情况）显示到小票区，再打印</source>
        <translation>Show this sale&apos;s receipt (with what came back) in the receipt pane, to print it</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>退货原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>该会员最近的消费（选中一笔即可退货）</source>
        <translation>The member&apos;s recent sales (choose one to return it)</translation>
    </message>
    <message>
        <source>“本次退”默认为全部可退金额；只退一部分时在该栏输入金额，再按“部分退货”。</source>
        <translation>“Return now” starts at all that can be returned; to return part, type the amount there and press “Return part”.</translation>
    </message>
    <message>
        <source>散客</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>小票 {receipt}&#x3000;{time}&#x3000;{who}&#x3000;金额 {total} 元&#x3000;实付 {paid} 元&#x3000;积分抵现 {points_used}&#x3000;得积分 {points_earned}</source>
        <translation>Receipt {receipt} · {time} · {who} · total ¥{total} · paid ¥{paid} · points as cash {points_used} · points earned {points_earned}</translation>
    </message>
    <message>
        <source>小票 {receipt} 已显示在小票区，按 Ctrl+P 打印。</source>
        <translation>Receipt {receipt} is in the receipt pane: Ctrl+P prints it.</translation>
    </message>
    <message>
        <source>请先选择退货原因。</source>
        <translation>Choose the reason for the return first.</translation>
    </message>
    <message>
        <source>（{reason}，需要店长批准。）</source>
        <translation> ({reason}: the owner must approve.) </translation>
    </message>
    <message>
        <source>确认无误请按“确认退货”。</source>
        <translation> If that is right, press “Confirm return”.</translation>
    </message>
    <message>
        <source>会员积分余额 {balance}。</source>
        <translation> Member&apos;s points balance {balance}.</translation>
    </message>
    <message>
        <source>会员等级回到{tier}。</source>
        <translation> The member is back to {tier}.</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>默认规则</source>
        <translation>Default rules</translation>
    </message>
    <message>
        <source>积分、优惠券、等级和营销的默认规则如下，开店后店长可以随时修改（改动只影响以后的消费）。</source>
        <translation>These are the default rules for points, coupons, tiers and marketing. The owner can change them at any time (a change applies to later sales only).</translation>
    </message>
</context>
<context>
    <name>SaleEntry</name>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>可用天数（慢病用药提醒用）</source>
        <translation>Days the supply lasts (for refill reminders)</translation>
    </message>
    <message>
        <source>药品名</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>慢病用药的药品名，续药提醒时告诉会员</source>
        <translation>Name of the chronic medicine, told to the member in the refill reminder</translation>
    </message>
    <message>
        <source>医保</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>医保支付了{category}</source>
        <translation>Medical insurance paid for {category}</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amounts (¥)</translation>
    </message>
    <message>
        <source>优惠券(&amp;Q)</source>
        <translation>Coupon (&amp;Q)</translation>
    </message>
    <message>
        <source>积分抵现(&amp;J)</source>
        <translation>Pay with points (&amp;J)</translation>
    </message>
    <message>
        <source>支付方式(&amp;F)</source>
        <translation>Payment (&amp;F)</translation>
    </message>
    <message>
        <source>医保支付(&amp;Y)</source>
        <translation>Insurance paid (&amp;Y)</translation>
    </message>
    <message>
        <source>记账 (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <source>金额无误，记账 ({key})</source>
        <translation>Amount is right, record ({key})</translation>
    </message>
    <message>
        <source>不用券</source>
        <translation>No coupon</translation>
    </message>
    <message>
        <source>不用积分</source>
        <translation>No points</translation>
    </message>
    <message numerus="yes">
        <source>%n 分抵 {amount} 元</source>
        <translation>
            <numerusform>%n point for ¥{amount}</numerusform>
            <numerusform>%n points for ¥{amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>应付 {amount} 元</source>
        <translation>Due ¥{amount}</translation>
    </message>
    <message>
        <source>按类别录入金额（Alt+数字键跳到该类别），回车记账。</source>
        <translation>Type the amounts by category (Alt+digit jumps to a category), Enter records.</translation>
    </message>
    <message>
        <source>应付 —</source>
        <translation>Due —</translation>
    </message>
    <message>
        <source>合计 {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>券 −{amount}</source>
        <translation>Coupon −{amount}</translation>
    </message>
    <message>
        <source>积分抵现 −{amount}</source>
        <translation>Points −{amount}</translation>
    </message>
    <message>
        <source>散客不积分</source>
        <translation>Walk-in: no points</translation>
    </message>
    <message>
        <source>本单积分 +{points}（{bonuses}）</source>
        <translation>Points this sale +{points} ({bonuses})</translation>
    </message>
    <message>
        <source>本单积分 +{points}</source>
        <translation>Points this sale +{points}</translation>
    </message>
    <message>
        <source>＋ 医保 {insured} 元（{categories}）&#x3000;共 {total} 元</source>
        <translation>+ insurance ¥{insured} ({categories}) · total ¥{total}</translation>
    </message>
    <message>
        <source>{reason}。金额无误请按 {key} 记账；打错了请直接修改金额。</source>
        <translation>{reason}. If the amount is right press {key} to record; if it is a typo, just correct it.</translation>
    </message>
    <message>
        <source>会员升级为{tier}，请告知顾客。</source>
        <translation>The member is now {tier}: please tell the customer.</translation>
    </message>
    <message>
        <source>已记账：单号 {receipt}，应付 {amount} 元。</source>
        <translation>Recorded: receipt {receipt}, paid ¥{amount}. </translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>扫会员卡 / 手机号 / 手机后4位 / 姓名 / 拼音首字母，回车</source>
        <translation>Scan card / phone / last 4 / name / initials</translation>
    </message>
    <message>
        <source>登记新会员 (F2)</source>
        <translation>Sign up (F2)</translation>
    </message>
    <message>
        <source>没有找到“{text}”对应的会员。</source>
        <translation>No member found for “{text}”.</translation>
    </message>
    <message>
        <source>（只显示前{limit}位，请输入更多字）</source>
        <translation> (only the first {limit} shown: type more)</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 位会员：↑↓ 选择，回车确认</source>
        <translation>
            <numerusform>%n member found: ↑↓ to choose, Enter to open</numerusform>
            <numerusform>%n members found: ↑↓ to choose, Enter to open</numerusform>
        </translation>
    </message>
    <message>
        <source>手机号 {phone} 还不是会员。</source>
        <translation>Phone {phone} is not a member yet.</translation>
    </message>
</context>
<context>
    <name>ServiceCoupons</name>
    <message>
        <source>体验券</source>
        <translation>Service coupons</translation>
    </message>
    <message>
        <source>兑换服务</source>
        <translation>Redeem service</translation>
    </message>
    <message>
        <source>顾客用体验券换取所写的服务，不收款，每张只能用一次</source>
        <translation>The customer receives the service named on the coupon; nothing is charged, and each coupon is used once</translation>
    </message>
    <message>
        <source>已兑换：{service}。请为顾客提供服务。</source>
        <translation>Redeemed: {service}. Please provide the service.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>（已锁屏）</source>
        <translation>(locked)</translation>
    </message>
    <message>
        <source>（未登录）</source>
        <translation>(nobody signed in)</translation>
    </message>
</context>
<context>
    <name>SettingValues</name>
    <message>
        <source>{amount} 元</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{points}积分={amount}元</source>
        <translation>{points} points=¥{amount}</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>points</translation>
    </message>
    <message>
        <source>{minimum} 到 {maximum}</source>
        <translation>{minimum} to {maximum}</translation>
    </message>
    <message>
        <source>{minimum} 到 {maximum} 元</source>
        <translation>¥{minimum} to ¥{maximum}</translation>
    </message>
    <message>
        <source>“是”或“否”</source>
        <translation>Yes or No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>“{choice}”</source>
        <translation>{choice}</translation>
    </message>
    <message>
        <source>1 到 {blocks} 档，每档 1 到 {points} 积分、每积分最多抵 {amount} 元</source>
        <translation>1 to {blocks} steps, each of 1 to {points} points, at most ¥{amount} a point</translation>
    </message>
    <message>
        <source>可填：{allowed}</source>
        <translation>Allowed: {allowed}</translation>
    </message>
    <message>
        <source>{text}（{unit}）</source>
        <translation>{text} ({unit})</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>药店</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>店名、地址和电话打印在小票、会员卡和短信上；保存后下一张小票起使用。</source>
        <translation>The name, address and phone are printed on receipts, member cards and text messages; from the next receipt after saving.</translation>
    </message>
    <message>
        <source>优惠券与活动</source>
        <translation>Coupons and campaigns</translation>
    </message>
    <message>
        <source>券的金额和有效期用于此后发放的券；已经发出的券保持发放时的金额和有效期。</source>
        <translation>Amounts and validity apply to coupons issued from now on; coupons already issued keep theirs.</translation>
    </message>
    <message>
        <source>沉睡与RFM</source>
        <translation>Dormant and RFM</translation>
    </message>
    <message>
        <source>回访名单、A/B类会员和唤醒名单下次计算时按新标准；不改变已有的回访记录。</source>
        <translation>Call lists, A/B members and win-back lists use the new values the next time they are worked out; recorded calls stay as they are.</translation>
    </message>
    <message>
        <source>店员业绩</source>
        <translation>Staff credit</translation>
    </message>
    <message>
        <source>此后的销售按新比例计入专属店员和接待店员的业绩；已记的业绩不重算。</source>
        <translation>Later sales are credited to the member&apos;s own staff and the serving staff at the new share; credit already recorded is not recalculated.</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>卡号前缀用于此后登记的会员；已有的卡号不变。</source>
        <translation>The card prefix applies to members signed up from now on; existing card numbers stay.</translation>
    </message>
    <message>
        <source>收银</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>下一次自动备份起按新设置保存和保留。</source>
        <translation>From the next automatic backup, backups are saved and kept this way.</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>空闲锁屏下次计时起生效；界面语言在重新打开程序后生效。</source>
        <translation>The idle lock applies from its next count; the language applies when the program is next started.</translation>
    </message>
    <message>
        <source>保存后自下一笔销售起按新规则执行；已经记下的积分、券和等级不会重新计算。</source>
        <translation>After saving, the new rules apply from the next sale; points, coupons and tiers already recorded are not recalculated.</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>每个类别按实付金额计积分。保存后自下一笔销售起按新规则执行；已经记下的积分不会重新计算。</source>
        <translation>Each category earns points on the amount paid. After saving, the new rules apply from the next sale; points already recorded are not recalculated.</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tiers</translation>
    </message>
    <message>
        <source>会员在计算周期内的消费金额和次数都达到门槛即升到该等级；高等级的门槛不能低于低等级。保存后自下一笔销售和下一次月度评定起按新规则执行，已记的积分不重算。</source>
        <translation>A member reaches a tier when both their spend and their visits in the period reach its thresholds; a higher tier&apos;s thresholds cannot be below a lower one&apos;s. After saving, the new rules apply from the next sale and the next monthly review; points already recorded are not recalculated.</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>没有需要保存的更改。</source>
        <translation>There are no changes to save.</translation>
    </message>
    <message numerus="yes">
        <source>已保存 %n 项更改，自下一笔销售起生效。</source>
        <translation>
            <numerusform>Saved %n change; it applies from the next sale.</numerusform>
            <numerusform>Saved %n changes; they apply from the next sale.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>开店设置</source>
        <translation>Pharmacy setup</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已载入演示数据：会员 {members} 人，消费 {sales} 笔。</source>
        <translation>Demo data loaded: {members} members, {sales} sales.</translation>
    </message>
    <message>
        <source>正在载入演示数据</source>
        <translation>Loading demo data</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{pharmacy} · {title}</source>
        <translation>{pharmacy} · {title}</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>输入或选择姓名</source>
        <translation>Type or choose your name</translation>
    </message>
    <message>
        <source>PIN 或密码</source>
        <translation>PIN or password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>店员(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>PIN/密码(&amp;P)</source>
        <translation>&amp;PIN/password</translation>
    </message>
</context>
<context>
    <name>SignupDialog</name>
    <message>
        <source>会员登记</source>
        <translation>Member sign-up</translation>
    </message>
    <message>
        <source>请询问顾客；未回答时登记会再问一次</source>
        <translation>Ask the customer; left unanswered, signing up asks again</translation>
    </message>
    <message>
        <source>为新顾客登记（共用此手机号）</source>
        <translation>Sign up the new customer (sharing this phone)</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Sign up</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>请问顾客：是否同意接收优惠信息（短信、电话回访）？按 Y 同意，按 N 不同意。</source>
        <translation>Ask the customer: do they agree to receive offers (text messages, calls)? Press Y for yes, N for no.</translation>
    </message>
    <message>
        <source>打开 {name}（卡号 {card}）</source>
        <translation>Open {name} (card {card})</translation>
    </message>
    <message>
        <source>已登记：{name}，卡号 {card}。</source>
        <translation>Signed up: {name}, card {card}.</translation>
    </message>
    <message>
        <source>新会员券：{coupon}，可当场使用。</source>
        <translation>New-member coupon: {coupon}, usable right away.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>交班单</source>
        <translation>Shift report</translation>
    </message>
    <message>
        <source>日结报表</source>
        <translation>Day-end report</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>已锁定（至 {time}）</source>
        <translation>Locked (until {time})</translation>
    </message>
    <message>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>在职（未设密码）</source>
        <translation>Active (no PIN or password)</translation>
    </message>
    <message>
        <source>店员管理</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>收银员、药师：4–6 位数字 PIN；店长：至少 8 个字符的密码</source>
        <translation>Cashier, pharmacist: a PIN of 4–6 digits; owner: a password of at least 8 characters</translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>角色(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>新 PIN/密码(&amp;P)</source>
        <translation>New &amp;PIN/password</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>新增店员</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>重设 PIN/密码</source>
        <translation>Reset PIN/password</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>清空表单</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <source>店员资料</source>
        <translation>Staff details</translation>
    </message>
    <message>
        <source>两次输入的 PIN/密码不一致。</source>
        <translation>The two PINs/passwords do not match.</translation>
    </message>
    <message>
        <source>已新增店员 {name}。</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <source>已保存 {name} 的资料。</source>
        <translation>Saved {name}&apos;s details.</translation>
    </message>
    <message>
        <source>已为 {name} 重设 PIN/密码。</source>
        <translation>Reset the PIN/password of {name}.</translation>
    </message>
    <message>
        <source>已停用 {name}，其记录保留。</source>
        <translation>Deactivated {name}; their records stay.</translation>
    </message>
    <message>
        <source>已解除 {name} 的锁定。</source>
        <translation>Unlocked {name}.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>开始使用</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>点“完成”创建店长账号并以店长身份登录，然后：</source>
        <translation>Click &quot;Finish&quot; to create the owner&apos;s account and sign in as the owner, then:</translation>
    </message>
    <message>
        <source>导入旧会员名单(&amp;I)</source>
        <translation>&amp;Import an existing member list</translation>
    </message>
    <message>
        <source>从 Excel 或 CSV 文件导入原有会员和积分（打开导入向导）。</source>
        <translation>Bring over existing members and their points from an Excel or CSV file (opens the import wizard).</translation>
    </message>
    <message>
        <source>载入演示数据(&amp;D)</source>
        <translation>Load &amp;demo data</translation>
    </message>
    <message>
        <source>生成虚构的会员和一年的消费，用来熟悉软件；正式使用请另建数据库。</source>
        <translation>Makes up members and a year of sales to try the program out; use a new database for real work.</translation>
    </message>
    <message>
        <source>空白开始(&amp;E)</source>
        <translation>Start &amp;empty</translation>
    </message>
    <message>
        <source>直接打开收银台，顾客来了再登记。</source>
        <translation>Opens the till straight away; sign customers up as they come.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <source>等级阶梯</source>
        <translation>Tier ladder</translation>
    </message>
    <message>
        <source>{tier}的积分倍数“{typed}”无法识别。</source>
        <translation>{tier}: the points multiplier &quot;{typed}&quot; is not a number.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message numerus="yes">
        <source>%n 个月</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 天</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 分</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 件</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 倍</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 次</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>（演示数据）{path}</source>
        <translation>(demo data) {path}</translation>
    </message>
    <message>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <source>已安装的 Qt 组件（PySide6 {version}）有已知缺陷，收银中途会突然退出。请按 README 的命令重新安装，它会装上可用的版本。</source>
        <translation>The installed Qt components (PySide6 {version}) have a known defect that makes the till quit suddenly. Please reinstall with the command in the README, which installs a working version.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>沉睡会员</source>
        <translation>Dormant members</translation>
    </message>
    <message>
        <source>7天内生日</source>
        <translation>Birthdays within 7 days</translation>
    </message>
    <message>
        <source>30天内生日</source>
        <translation>Birthdays within 30 days</translation>
    </message>
    <message>
        <source>续药提醒</source>
        <translation>Refill reminders</translation>
    </message>
    <message>
        <source>积分即将到期</source>
        <translation>Points expiring soon</translation>
    </message>
    <message>
        <source>7天内优惠券到期</source>
        <translation>Coupons expiring within 7 days</translation>
    </message>
    <message>
        <source>资料待确认</source>
        <translation>Profiles to confirm</translation>
    </message>
    <message>
        <source>等级调整通知</source>
        <translation>Tier change notices</translation>
    </message>
    <message>
        <source>券核销</source>
        <translation>Coupon usage</translation>
    </message>
    <message>
        <source>消费积分</source>
        <translation>Purchase points</translation>
    </message>
    <message>
        <source>期初导入</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>手工调整</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <source>退货退回</source>
        <translation>Returned on refund</translation>
    </message>
    <message>
        <source>积分抵现</source>
        <translation>Points as cash</translation>
    </message>
    <message>
        <source>兑换礼品</source>
        <translation>Gift redemption</translation>
    </message>
    <message>
        <source>积分过期</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>退货扣回</source>
        <translation>Taken back on return</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>银行卡</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>医保</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>顾客不需要了</source>
        <translation>No longer needed</translation>
    </message>
    <message>
        <source>买错或拿错</source>
        <translation>Wrong item bought or given</translation>
    </message>
    <message>
        <source>质量问题</source>
        <translation>Quality problem</translation>
    </message>
    <message>
        <source>用药不良反应</source>
        <translation>Adverse drug reaction</translation>
    </message>
    <message>
        <source>收银录入错误</source>
        <translation>Till entry error</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>收银员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>药师</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>店长</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>销售</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>积分兑换</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>会员登记</source>
        <translation>Member sign-up</translation>
    </message>
    <message>
        <source>修改会员资料</source>
        <translation>Edit member details</translation>
    </message>
    <message>
        <source>确认会员资料</source>
        <translation>Confirm member details</translation>
    </message>
    <message>
        <source>健康档案授权</source>
        <translation>Health file consent</translation>
    </message>
    <message>
        <source>修改健康档案</source>
        <translation>Edit health file</translation>
    </message>
    <message>
        <source>查看健康档案</source>
        <translation>View health file</translation>
    </message>
    <message>
        <source>确认导入的病史</source>
        <translation>Confirm imported medical history</translation>
    </message>
    <message>
        <source>记录测量</source>
        <translation>Record a measurement</translation>
    </message>
    <message>
        <source>删除会员</source>
        <translation>Delete member</translation>
    </message>
    <message>
        <source>积分调整</source>
        <translation>Points adjustment</translation>
    </message>
    <message>
        <source>等级评定</source>
        <translation>Tier review</translation>
    </message>
    <message>
        <source>导入会员</source>
        <translation>Import members</translation>
    </message>
    <message>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>营销活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>回访记录</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <source>新增兑换品</source>
        <translation>Add catalogue item</translation>
    </message>
    <message>
        <source>修改兑换品</source>
        <translation>Change catalogue item</translation>
    </message>
    <message>
        <source>撤销兑换</source>
        <translation>Reverse redemption</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change setting</translation>
    </message>
    <message>
        <source>修改规则</source>
        <translation>Change rule</translation>
    </message>
    <message>
        <source>店员变更</source>
        <translation>Staff change</translation>
    </message>
    <message>
        <source>开店设置</source>
        <translation>Shop setup</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>锁屏</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <source>账户锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>打印会员卡</source>
        <translation>Print member cards</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>恢复只追加保护</source>
        <translation>Append-only guards restored</translation>
    </message>
    <message>
        <source>恢复统计触发器并重算</source>
        <translation>Figure triggers restored and recounted</translation>
    </message>
    <message>
        <source>恢复索引或视图</source>
        <translation>Index or view restored</translation>
    </message>
    <message>
        <source>交班</source>
        <translation>Shift close</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day end</translation>
    </message>
    <message>
        <source>哈希链校验</source>
        <translation>Hash chain verified</translation>
    </message>
    <message>
        <source>月度结账</source>
        <translation>Month closed</translation>
    </message>
    <message>
        <source>重算月报</source>
        <translation>Month report recomputed</translation>
    </message>
    <message>
        <source>新增券模板</source>
        <translation>Add coupon template</translation>
    </message>
    <message>
        <source>修改券模板</source>
        <translation>Change coupon template</translation>
    </message>
    <message>
        <source>发放优惠券</source>
        <translation>Issue coupons</translation>
    </message>
    <message>
        <source>兑换体验券</source>
        <translation>Redeem service coupon</translation>
    </message>
    <message>
        <source>收银</source>
        <translation>Sell at the till</translation>
    </message>
    <message>
        <source>批准大额或过期退货</source>
        <translation>Approve large or late returns</translation>
    </message>
    <message>
        <source>登记会员</source>
        <translation>Sign up members</translation>
    </message>
    <message>
        <source>会员回访</source>
        <translation>Call members</translation>
    </message>
    <message>
        <source>导出个人信息</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <source>查看经营报表</source>
        <translation>View business reports</translation>
    </message>
    <message>
        <source>修改规则和设置</source>
        <translation>Change rules and settings</translation>
    </message>
    <message>
        <source>调整积分</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>管理兑换目录</source>
        <translation>Manage the catalogue</translation>
    </message>
    <message>
        <source>管理和发放优惠券</source>
        <translation>Manage and issue coupons</translation>
    </message>
    <message>
        <source>管理店员</source>
        <translation>Manage staff</translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>查看操作日志</source>
        <translation>View the audit log</translation>
    </message>
    <message>
        <source>定期维护</source>
        <translation>Housekeeping</translation>
    </message>
    <message>
        <source>代金券</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>折扣券</source>
        <translation>Discount coupon</translation>
    </message>
    <message>
        <source>满减券</source>
        <translation>Spend-and-save coupon</translation>
    </message>
    <message>
        <source>体验券</source>
        <translation>Service coupon</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>非药品</source>
        <translation>Not a drug</translation>
    </message>
    <message>
        <source>乙类非处方药</source>
        <translation>OTC class B</translation>
    </message>
    <message>
        <source>处方药</source>
        <translation>Prescription drug</translation>
    </message>
    <message>
        <source>甲类非处方药</source>
        <translation>OTC class A</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>血糖</source>
        <translation>Blood glucose</translation>
    </message>
    <message>
        <source>沉睡唤醒</source>
        <translation>Dormant wake-up</translation>
    </message>
    <message>
        <source>生日关怀</source>
        <translation>Birthday greeting</translation>
    </message>
    <message>
        <source>积分到期提醒</source>
        <translation>Points expiring</translation>
    </message>
    <message>
        <source>优惠券到期提醒</source>
        <translation>Coupons expiring</translation>
    </message>
    <message>
        <source>资料确认</source>
        <translation>Details check</translation>
    </message>
    <message>
        <source>A/B类会员回访</source>
        <translation>A/B member call</translation>
    </message>
    <message>
        <source>数据有误</source>
        <translation>Bad data</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tier</translation>
    </message>
    <message>
        <source>生日月</source>
        <translation>Birthday month</translation>
    </message>
    <message>
        <source>促销活动</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>启动时</source>
        <translation>At start-up</translation>
    </message>
    <message>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>退出时</source>
        <translation>At exit</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>已接通</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>未接听</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>空号/停机</source>
        <translation>Number not in service</translation>
    </message>
    <message>
        <source>已到店</source>
        <translation>Came to the shop</translation>
    </message>
    <message>
        <source>拒绝回访</source>
        <translation>Declined calls</translation>
    </message>
    <message>
        <source>退回医保账户</source>
        <translation>back to the insurance account</translation>
    </message>
    <message>
        <source>现金退还</source>
        <translation>handed back</translation>
    </message>
    <message>
        <source>原路退回</source>
        <translation>back the way it was paid</translation>
    </message>
    <message>
        <source>已全部退货</source>
        <translation>Fully returned</translation>
    </message>
    <message>
        <source>部分退货</source>
        <translation>Partly returned</translation>
    </message>
    <message>
        <source>已用</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>未生效</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Usable</translation>
    </message>
    <message>
        <source>药店</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>药店名称</source>
        <translation>Pharmacy name</translation>
    </message>
    <message>
        <source>打印在小票、会员卡和短信内容上。</source>
        <translation>Printed on receipts, member cards and text messages.</translation>
    </message>
    <message>
        <source>不超过 40 个字的店名</source>
        <translation>a name of up to 40 characters</translation>
    </message>
    <message>
        <source>药店地址</source>
        <translation>Pharmacy address</translation>
    </message>
    <message>
        <source>打印在小票和会员卡上，方便会员找到药店。</source>
        <translation>Printed on receipts and member cards, so members can find the pharmacy.</translation>
    </message>
    <message>
        <source>不超过 80 个字的地址</source>
        <translation>an address of up to 80 characters</translation>
    </message>
    <message>
        <source>药店电话</source>
        <translation>Pharmacy phone</translation>
    </message>
    <message>
        <source>数字、空格、括号、+ 和 - 组成的电话号码，最多 20 位</source>
        <translation>a phone number of digits, spaces, brackets, + and -, up to 20</translation>
    </message>
    <message>
        <source>小票抬头</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <source>印在小票、退货和兑换凭条的店名、地址、电话之下，例如“医保定点零售药店”；留空则不印。</source>
        <translation>Printed under the pharmacy&apos;s name, address and phone on receipts, return and redemption slips, e.g. &quot;Medical insurance designated pharmacy&quot;; left empty, nothing is printed.</translation>
    </message>
    <message>
        <source>不超过 40 个字的一行文字</source>
        <translation>one line of at most 40 characters</translation>
    </message>
    <message>
        <source>小票结尾</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <source>印在小票和兑换凭条的最后一行，例如退换货须知；留空则不印。</source>
        <translation>Printed as the last line of receipts and redemption slips, e.g. the return policy; left empty, nothing is printed.</translation>
    </message>
    <message>
        <source>积分有效期</source>
        <translation>Points validity</translation>
    </message>
    <message>
        <source>积分自获得之日起的有效月数；最早获得的积分最先使用。</source>
        <translation>How many months points stay valid after they are earned; the oldest points are used first.</translation>
    </message>
    <message>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <source>积分在这么多天内到期时，收银台和回访名单提醒会员尽快使用。</source>
        <translation>When points expire within this many days, the till and the call lists remind the member to use them.</translation>
    </message>
    <message>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <source>按比例积分</source>
        <translation>Points pro rata</translation>
    </message>
    <message>
        <source>关闭（默认）时按整档积分：“每30元积2分”的类别，45元积2分，29元不积分；打开后按金额比例积分，45元积3分。只影响今后的消费，已记录的消费和它们的退货仍按当时的算法。</source>
        <translation>Off (the default): points come in whole steps, so a category of &quot;2 points per ¥30&quot; gives 2 for ¥45 and none for ¥29. On: points in proportion to the amount, 3 for ¥45. Only later sales change; recorded sales and their returns keep the rule they were made with.</translation>
    </message>
    <message>
        <source>医保支付部分积分</source>
        <translation>Points on insurance payments</translation>
    </message>
    <message>
        <source>许多省份禁止对医保基金支付部分给予积分；确认当地允许后再打开。</source>
        <translation>Many provinces forbid points on what medical insurance pays; turn this on only once you know it is allowed locally.</translation>
    </message>
    <message>
        <source>生日当月积分倍数</source>
        <translation>Birthday month multiplier</translation>
    </message>
    <message>
        <source>会员生日所在月份消费时，积分在等级倍数之外再乘以此倍数；1 表示不加倍。</source>
        <translation>In a member&apos;s birthday month, points are multiplied by this on top of the tier multiplier; 1 means no bonus.</translation>
    </message>
    <message>
        <source>倍</source>
        <translation>times</translation>
    </message>
    <message>
        <source>积分抵现档位</source>
        <translation>Points redemption steps</translation>
    </message>
    <message>
        <source>每档多少积分抵多少元；默认500积分抵20元，1000积分抵42元，大档每积分不低于小档。</source>
        <translation>How many points are worth how much; by default 500 points are ¥20 and 1000 points ¥42. A bigger step is never worth less per point.</translation>
    </message>
    <message>
        <source>新会员券金额</source>
        <translation>New member coupon</translation>
    </message>
    <message>
        <source>入会时赠送、当场可用的代金券；0 表示不送。</source>
        <translation>A coupon given on sign-up, usable at once; 0 gives none.</translation>
    </message>
    <message>
        <source>新会员券有效期</source>
        <translation>New member coupon validity</translation>
    </message>
    <message>
        <source>新会员券和新会员感谢券自发放之日起的有效天数。</source>
        <translation>How many days the new member coupon and the thank-you coupon stay valid after they are issued.</translation>
    </message>
    <message>
        <source>生日券金额</source>
        <translation>Birthday coupon</translation>
    </message>
    <message>
        <source>生日当月随生日礼品附送的代金券，当月内有效；0 表示只送礼品。</source>
        <translation>A coupon given with the birthday gift, valid that month; 0 gives the gift only.</translation>
    </message>
    <message>
        <source>新会员月度感谢券</source>
        <translation>Monthly thank-you coupon</translation>
    </message>
    <message>
        <source>每月答谢当月新会员时附送的券；0 表示只发感谢短信、到店领礼品。</source>
        <translation>A coupon sent with each month&apos;s thank-you to that month&apos;s new members; 0 sends only the text and an in-store gift.</translation>
    </message>
    <message>
        <source>A/B类会员代金券</source>
        <translation>A/B member voucher</translation>
    </message>
    <message>
        <source>每年按消费排名发给A类和B类会员的代金券金额。</source>
        <translation>The voucher given each year to A and B members, ranked by spend.</translation>
    </message>
    <message>
        <source>A/B类代金券有效期</source>
        <translation>A/B voucher validity</translation>
    </message>
    <message>
        <source>A/B类会员代金券自发放之日起的有效天数。</source>
        <translation>How many days the A/B member voucher stays valid after it is issued.</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>等级计算周期</source>
        <translation>Tier period</translation>
    </message>
    <message>
        <source>会员等级按最近这么多个月的消费金额和次数计算。</source>
        <translation>A member&apos;s tier is worked out from their spend and visits over this many recent months.</translation>
    </message>
    <message>
        <source>营销</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>沉睡会员判定</source>
        <translation>Dormant after</translation>
    </message>
    <message>
        <source>这么多个月没有消费的会员算作沉睡会员，进入唤醒名单。</source>
        <translation>A member with no purchase for this many months counts as dormant and goes on the win-back list.</translation>
    </message>
    <message>
        <source>A类会员比例</source>
        <translation>A members share</translation>
    </message>
    <message>
        <source>按近12个月消费排名，前这么多百分比的会员为A类。</source>
        <translation>Ranked by spend over the last 12 months, this top percentage of members are A members.</translation>
    </message>
    <message>
        <source>A+B类会员累计比例</source>
        <translation>A+B members share</translation>
    </message>
    <message>
        <source>排名在A类之后、累计到这一百分比的会员为B类；不能低于A类会员比例。</source>
        <translation>The members ranked after the A members, up to this percentage in all, are B members; not below the A share.</translation>
    </message>
    <message>
        <source>用药提醒提前天数</source>
        <translation>Refill reminder</translation>
    </message>
    <message>
        <source>慢病用药预计用完前这么多天，提醒会员续药。</source>
        <translation>This many days before a chronic medicine is expected to run out, the member is reminded to refill.</translation>
    </message>
    <message>
        <source>资料确认周期</source>
        <translation>Profile check interval</translation>
    </message>
    <message>
        <source>会员资料超过这么多个月未确认时，收银台提示店员核对。</source>
        <translation>When a member&apos;s details have not been confirmed for this many months, the till asks staff to check them.</translation>
    </message>
    <message>
        <source>会员卡号前缀</source>
        <translation>Card number prefix</translation>
    </message>
    <message>
        <source>自动生成的13位卡号（EAN-13）以此开头；20–29为店内自用号段。</source>
        <translation>New 13-digit card numbers (EAN-13) start with this; 20–29 are reserved for in-store use.</translation>
    </message>
    <message>
        <source>20 到 29 之间的两位数字</source>
        <translation>two digits from 20 to 29</translation>
    </message>
    <message>
        <source>单笔消费上限</source>
        <translation>Sale ceiling</translation>
    </message>
    <message>
        <source>一笔消费的合计超过这个金额时不予记账：多半是多打了几个零。</source>
        <translation>A sale totalling more than this is not recorded: most likely a few zeros too many were typed.</translation>
    </message>
    <message>
        <source>大额消费确认</source>
        <translation>Large sale confirmation</translation>
    </message>
    <message>
        <source>一笔消费的合计超过这个金额时，记账前请收银员按一次键确认金额无误。</source>
        <translation>For a sale totalling more than this, the cashier confirms the amount with one key press before it is recorded.</translation>
    </message>
    <message>
        <source>异常金额倍数</source>
        <translation>Unusual amount factor</translation>
    </message>
    <message>
        <source>会员本单金额超过其近期平均每单的这么多倍时，记账前请收银员确认金额无误。</source>
        <translation>When a sale is this many times the member&apos;s recent average, the cashier confirms the amount before it is recorded.</translation>
    </message>
    <message>
        <source>退货审批金额</source>
        <translation>Return approval amount</translation>
    </message>
    <message>
        <source>一次退款超过这个金额时，需要店长批准。</source>
        <translation>A refund of more than this needs the owner&apos;s approval.</translation>
    </message>
    <message>
        <source>退货审批天数</source>
        <translation>Return approval days</translation>
    </message>
    <message>
        <source>消费超过这么多天后再退货，需要店长批准。</source>
        <translation>A return more than this many days after the sale needs the owner&apos;s approval.</translation>
    </message>
    <message>
        <source>专属店员业绩分成</source>
        <translation>Own staff&apos;s share</translation>
    </message>
    <message>
        <source>会员由非专属店员接待时，专属店员得此比例，接待店员得其余。</source>
        <translation>When someone else serves a member, the member&apos;s own staff gets this share of the credit and the serving staff the rest.</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>每天自动备份到这个文件夹（例如U盘）；文件夹不存在或不能写入时，备份保存到程序数据目录并提示。</source>
        <translation>The daily automatic backup goes to this folder (a USB stick, say); if it is missing or cannot be written, the backup goes to the program data folder with a warning.</translation>
    </message>
    <message>
        <source>一个文件夹的路径，留空表示程序数据目录</source>
        <translation>a folder&apos;s path; empty means the program data folder</translation>
    </message>
    <message>
        <source>程序数据目录</source>
        <translation>program data folder</translation>
    </message>
    <message>
        <source>保留每日备份</source>
        <translation>Daily backups kept</translation>
    </message>
    <message>
        <source>保留最近这么多天的备份，每天一份（当天最后一份）。</source>
        <translation>Keeps the backups of this many recent days, one a day (the day&apos;s last).</translation>
    </message>
    <message>
        <source>份</source>
        <translation>copies</translation>
    </message>
    <message>
        <source>保留每月备份</source>
        <translation>Monthly backups kept</translation>
    </message>
    <message>
        <source>另外保留最近这么多个月的备份，每月一份（当月最后一份）；0 表示不另外保留。</source>
        <translation>Also keeps the backups of this many recent months, one a month (the month&apos;s last); 0 keeps none.</translation>
    </message>
    <message>
        <source>空闲锁屏</source>
        <translation>Idle lock</translation>
    </message>
    <message>
        <source>收银台这么多分钟无人操作时自动锁屏，需重新输入 PIN 或密码；随时可按 Ctrl+L 锁屏。</source>
        <translation>The till locks itself after this many idle minutes and asks for a PIN or password again; Ctrl+L locks it at any time.</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>窗口使用的语言；重新打开程序后生效。</source>
        <translation>The language of the windows; it applies when the program is next started.</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>Simplified Chinese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>类别积分</source>
        <translation>Category points</translation>
    </message>
    <message>
        <source>按会员实付金额计，每满一档积一次，不足一档的部分不积分。</source>
        <translation>On the amount the member pays: each full step earns once; a part step earns nothing.</translation>
    </message>
    <message>
        <source>按会员实付金额按比例计，不足 1 分的部分不计。</source>
        <translation>In proportion to the amount the member pays; a part of a point is not given.</translation>
    </message>
    <message>
        <source>不积分</source>
        <translation>No points</translation>
    </message>
    <message>
        <source>这一类别的消费不积分。</source>
        <translation>Purchases in this category earn no points.</translation>
    </message>
    <message>
        <source>入会即是</source>
        <translation>On sign-up</translation>
    </message>
    <message>
        <source>积分 {multiplier} 倍，每月最多用积分兑换 {cap} 元。</source>
        <translation>Points × {multiplier}; up to ¥{cap} a month redeemed with points.</translation>
    </message>
    <message>
        <source>积分 {multiplier} 倍，每月最多用积分兑换 {cap} 元；{privileges}。</source>
        <translation>Points × {multiplier}; up to ¥{cap} a month redeemed with points; {privileges}.</translation>
    </message>
    <message>
        <source>按近12个月消费排名：前{a_class_percent}%为A类，其后至{b_class_percent}%为B类，各发一张代金券。</source>
        <translation>Ranked by spend over the last 12 months: the top {a_class_percent}% are A members, the rest up to {b_class_percent}% B members; each gets a voucher.</translation>
    </message>
    <message>
        <source>生日礼遇</source>
        <translation>Birthday treat</translation>
    </message>
    <message>
        <source>所选日期所在月份过生日的会员：生日礼品和生日券（当月有效）。</source>
        <translation>Members with a birthday in the chosen date&apos;s month: a birthday gift and a birthday coupon (valid that month).</translation>
    </message>
    <message>
        <source>新会员月度答谢</source>
        <translation>Monthly new member thanks</translation>
    </message>
    <message>
        <source>所选日期所在月份加入的新会员：感谢短信，到店领取答谢礼品。</source>
        <translation>Members who joined in the chosen date&apos;s month: a thank-you text and a gift to collect in store.</translation>
    </message>
    <message>
        <source>新会员7天计划</source>
        <translation>New member 7-day plan</translation>
    </message>
    <message>
        <source>入会第1天权益介绍、第3天门店指南、第7天健康问卷：所选日期应发的短信。</source>
        <translation>Day 1 benefits, day 3 store guide, day 7 health questionnaire: the texts due on the chosen date.</translation>
    </message>
    <message>
        <source>会员卡号</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>办卡日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>省份（并入地址）</source>
        <translation>Province (into address)</translation>
    </message>
    <message>
        <source>城市（并入地址）</source>
        <translation>City (into address)</translation>
    </message>
    <message>
        <source>区县（并入地址）</source>
        <translation>District (into address)</translation>
    </message>
    <message>
        <source>身份证号（补生日和性别）</source>
        <translation>ID number (fills birthday and gender)</translation>
    </message>
    <message>
        <source>会员等级（按名称定等级）</source>
        <translation>Tier (by its name)</translation>
    </message>
    <message>
        <source>累计消费（定等级）</source>
        <translation>Total spend (sets the tier)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>病史（待与会员确认）</source>
        <translation>Medical history (to confirm with the member)</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>销售额（净）</source>
        <translation>Sales (net)</translation>
    </message>
    <message>
        <source>本月全部消费的实收金额（含医保支付，不含用券优惠和积分抵现）减去本月发生的退款。</source>
        <translation>All of this month&apos;s sales as paid (insurance included, coupon and points discounts not), less this month&apos;s refunds.</translation>
    </message>
    <message>
        <source>会员销售额（净）</source>
        <translation>Member sales (net)</translation>
    </message>
    <message>
        <source>会员消费的实收金额减去本月会员消费的退款（按退款日期计入）。</source>
        <translation>Members&apos; sales as paid, less refunds of member sales this month (by refund date).</translation>
    </message>
    <message>
        <source>散客销售额（净）</source>
        <translation>Walk-in sales (net)</translation>
    </message>
    <message>
        <source>散客（未登记会员）消费的实收金额减去本月散客消费的退款。</source>
        <translation>Walk-in (non-member) sales as paid, less refunds of walk-in sales this month.</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>本月办理的退货退款合计（无论原消费在哪个月）。</source>
        <translation>All refunds made this month (whatever month the sale was in).</translation>
    </message>
    <message>
        <source>消费笔数</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>本月结账的笔数（含会员和散客；退货不减少笔数）。</source>
        <translation>Sales rung up this month (members and walk-ins; returns do not reduce it).</translation>
    </message>
    <message>
        <source>会员消费笔数</source>
        <translation>Member sales</translation>
    </message>
    <message>
        <source>本月会员结账的笔数，即会员到店次数。</source>
        <translation>Member sales this month, i.e. member visits.</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <source>本月实收金额（未扣退款）÷ 消费笔数，四舍五入到分。</source>
        <translation>This month&apos;s takings (before refunds) ÷ sales, rounded to the fen.</translation>
    </message>
    <message>
        <source>会员客单价</source>
        <translation>Average member sale</translation>
    </message>
    <message>
        <source>会员实收金额（未扣退款）÷ 会员消费笔数。</source>
        <translation>Members&apos; takings (before refunds) ÷ member sales.</translation>
    </message>
    <message>
        <source>散客客单价</source>
        <translation>Average walk-in sale</translation>
    </message>
    <message>
        <source>散客实收金额（未扣退款）÷ 散客消费笔数。</source>
        <translation>Walk-in takings (before refunds) ÷ walk-in sales.</translation>
    </message>
    <message>
        <source>活跃会员</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>本月至少消费一次的会员人数。</source>
        <translation>Members who bought at least once this month.</translation>
    </message>
    <message>
        <source>人均到店次数</source>
        <translation>Visits per active member</translation>
    </message>
    <message>
        <source>会员消费笔数 ÷ 活跃会员数。</source>
        <translation>Member sales ÷ active members.</translation>
    </message>
    <message>
        <source>复购率</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <source>活跃会员中本月消费两次及以上的人数 ÷ 活跃会员数。</source>
        <translation>Active members who bought twice or more this month ÷ active members.</translation>
    </message>
    <message>
        <source>新会员</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>入会日期在本月的会员人数。</source>
        <translation>Members who joined this month.</translation>
    </message>
    <message>
        <source>会员总数</source>
        <translation>Members in all</translation>
    </message>
    <message>
        <source>月末时已入会的会员人数。</source>
        <translation>Members signed up by the end of the month.</translation>
    </message>
    <message>
        <source>月末时已连续 N 个整月（含本月，N 为“沉睡会员判定”设置）没有消费、但之前消费过的会员人数。</source>
        <translation>Members who bought before but not in the last N whole months (this one included; N is the &quot;Dormant after&quot; setting) at month end.</translation>
    </message>
    <message>
        <source>本月新增沉睡</source>
        <translation>Newly dormant</translation>
    </message>
    <message>
        <source>最后一次消费恰好在 N 个月前那个月、因此在本月月末变为沉睡的会员人数。</source>
        <translation>Members whose last purchase was exactly N months back and who so became dormant at this month end.</translation>
    </message>
    <message>
        <source>积分发放</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <source>本月记入积分流水的全部正向积分：消费所得、退货退回的抵现积分、期初导入和正向调整。</source>
        <translation>All points added to the ledger this month: earned, redeemed points given back on returns, imported openings and positive adjustments.</translation>
    </message>
    <message>
        <source>积分使用</source>
        <translation>Points used</translation>
    </message>
    <message>
        <source>本月积分抵现和兑换礼品/服务所用的积分。</source>
        <translation>Points redeemed for money off, gifts or services this month.</translation>
    </message>
    <message>
        <source>本月到期作废的积分。</source>
        <translation>Points that expired this month.</translation>
    </message>
    <message>
        <source>其他扣减</source>
        <translation>Other deductions</translation>
    </message>
    <message>
        <source>本月退货扣回的积分和负向调整。</source>
        <translation>Points taken back on returns and negative adjustments this month.</translation>
    </message>
    <message>
        <source>积分余额（负债）</source>
        <translation>Points outstanding (liability)</translation>
    </message>
    <message>
        <source>月末时全部会员积分流水之和，即店铺欠会员的积分。</source>
        <translation>The sum of every member&apos;s ledger at month end: the points the pharmacy owes its members.</translation>
    </message>
    <message>
        <source>积分负债估值</source>
        <translation>Points liability value</translation>
    </message>
    <message>
        <source>积分余额按最小抵现档位（默认500积分=20元）折算的金额，向下取整到分。</source>
        <translation>Points outstanding valued at the smallest redemption step (500 points = ¥20 by default), rounded down to the fen.</translation>
    </message>
    <message>
        <source>发券张数</source>
        <translation>Coupons issued</translation>
    </message>
    <message>
        <source>发放日期在本月的优惠券张数。</source>
        <translation>Coupons issued this month.</translation>
    </message>
    <message>
        <source>用券张数</source>
        <translation>Coupons used</translation>
    </message>
    <message>
        <source>使用日期在本月的优惠券张数（无论何时发放），减去本月整单退货退回的券：退回的券计入退货当月，已结束的月份不变。</source>
        <translation>Coupons used this month (whenever issued), less the coupons given back by full returns this month: a coupon given back counts in the month of the return, so an ended month does not change.</translation>
    </message>
    <message>
        <source>本月发放的券中到月末已使用（且月末前未因退货退回）的张数 ÷ 本月发券张数。</source>
        <translation>This month&apos;s coupons used by month end (and not given back by a return before then) ÷ coupons issued this month.</translation>
    </message>
    <message>
        <source>本月发券核销率</source>
        <translation>Coupon use rate</translation>
    </message>
    <message>
        <source>药店会员管理</source>
        <translation>Pharmacy Desk</translation>
    </message>
    <message numerus="yes">
        <source>每 {amount} 元 %n 分</source>
        <translation>
            <numerusform>%n point per ¥{amount}</numerusform>
            <numerusform>%n points per ¥{amount}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个月内消费满 {amount} 元</source>
        <translation>
            <numerusform>Spend ¥{amount} within %n month</numerusform>
            <numerusform>Spend ¥{amount} within %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{months} 个月内消费满 {amount} 元且 %n 次</source>
        <translation>
            <numerusform>Spend ¥{amount} and %n visit within {months} months</numerusform>
            <numerusform>Spend ¥{amount} and %n visits within {months} months</numerusform>
        </translation>
    </message>
    <message>
        <source>类别销售排行</source>
        <translation>Sales by category</translation>
    </message>
    <message>
        <source>按销售行的实收金额汇总，减去本月该类别的退款，从高到低。</source>
        <translation>Sale lines as paid, less this month&apos;s refunds in the category, highest first.</translation>
    </message>
    <message>
        <source>月末时已入会会员所在的等级：按等级变更记录还原到月末。</source>
        <translation>The tier of each member at month end, rebuilt from the tier changes.</translation>
    </message>
    <message>
        <source>年龄与性别</source>
        <translation>Age and gender</translation>
    </message>
    <message>
        <source>月末已入会会员按月末年龄分段（30岁以下、30–45、46–60、60岁以上、生日未知）和性别统计。</source>
        <translation>Members at month end by age at month end (under 30, 30–45, 46–60, over 60, birthday unknown) and gender.</translation>
    </message>
    <message>
        <source>RFM 客户分群</source>
        <translation>RFM segments</translation>
    </message>
    <message>
        <source>统计期内有消费的会员：R=最近一次消费距月末天数，F=消费笔数，M=实收金额；各按阈值打 1–5 分，高于全体平均分为“高”，按 R/F/M 高低分成八类。</source>
        <translation>Members who bought in the period: R = days from the last purchase to month end, F = purchases, M = amount paid; each scored 1–5 by the thresholds, above the average is &quot;high&quot;, giving eight segments by high or low R/F/M.</translation>
    </message>
    <message>
        <source>专属会员数、本月新登记会员、本月名下新增沉睡会员；业绩按实收金额计：专属店员不是接待店员时，专属店员得“专属店员业绩分成”（默认70%），接待店员得其余，按分精确拆分；退款按原消费同样拆分后扣减。</source>
        <translation>Own members, members signed up this month, own members newly dormant; credit is on the amount paid: when someone else serves a member, the member&apos;s own staff gets the &quot;Own staff&apos;s share&quot; (70% by default) and the serving staff the rest, split exactly to the fen; refunds are split the same way and deducted.</translation>
    </message>
    <message>
        <source>重要价值客户</source>
        <translation>Champions</translation>
    </message>
    <message>
        <source>重要发展客户</source>
        <translation>Promising big spenders</translation>
    </message>
    <message>
        <source>重要保持客户</source>
        <translation>Big spenders to keep</translation>
    </message>
    <message>
        <source>重要挽留客户</source>
        <translation>Big spenders to win back</translation>
    </message>
    <message>
        <source>一般价值客户</source>
        <translation>Loyal regulars</translation>
    </message>
    <message>
        <source>一般发展客户</source>
        <translation>New or occasional</translation>
    </message>
    <message>
        <source>一般保持客户</source>
        <translation>Regulars to keep</translation>
    </message>
    <message>
        <source>一般挽留客户</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>30岁以下</source>
        <translation>Under 30</translation>
    </message>
    <message>
        <source>30–45岁</source>
        <translation>30–45</translation>
    </message>
    <message>
        <source>46–60岁</source>
        <translation>46–60</translation>
    </message>
    <message>
        <source>60岁以上</source>
        <translation>Over 60</translation>
    </message>
    <message>
        <source>生日未知</source>
        <translation>Birthday unknown</translation>
    </message>
    <message>
        <source>A/B类会员</source>
        <translation>Class A/B members</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>消费记录</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>积分流水</source>
        <translation>Points ledger</translation>
    </message>
    <message>
        <source>优惠券</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>{month}</translation>
    </message>
    <message>
        <source>{year}
1月</source>
        <translation>{year}
Jan</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>客单价（元）</source>
        <translation>Average sale (¥)</translation>
    </message>
    <message>
        <source>月销售额（会员 / 散客，已扣退款）与客单价</source>
        <translation>Monthly sales (members / walk-ins, net of refunds) and average sale</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>活跃、新增与沉睡会员</source>
        <translation>Active, new and dormant members</translation>
    </message>
    <message>
        <source>次 / 人</source>
        <translation>visits / person</translation>
    </message>
    <message>
        <source>复购率、发券核销率与人均到店次数</source>
        <translation>Repurchase rate, coupon use rate and visits per active member</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>积分余额</source>
        <translation>Points outstanding</translation>
    </message>
    <message>
        <source>积分发放、使用、过期与月末余额</source>
        <translation>Points issued, used, expired and outstanding at month end</translation>
    </message>
    <message>
        <source>元（已扣退款）</source>
        <translation>¥ (net of refunds)</translation>
    </message>
    <message>
        <source>{month} 类别销售排行</source>
        <translation>{month} sales by category</translation>
    </message>
    <message>
        <source>{month} 月末会员等级分布</source>
        <translation>{month} members by tier at month end</translation>
    </message>
    <message>
        <source>{month} 会员年龄与性别（女性 {women}%）</source>
        <translation>{month} members by age and gender ({women}% women)</translation>
    </message>
    <message numerus="yes">
        <source>RFM 客户分群（%n 位有消费会员）</source>
        <translation>
            <numerusform>RFM segments (%n member who bought)</numerusform>
            <numerusform>RFM segments (%n members who bought)</numerusform>
        </translation>
    </message>
    <message>
        <source>接待业绩</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>专属会员分成</source>
        <translation>Own members share</translation>
    </message>
    <message>
        <source>{month} 店员业绩（已扣退款）</source>
        <translation>{month} staff credit (net of refunds)</translation>
    </message>
    <message>
        <source>{name}：{text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>. </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>销售额</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>会员人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>复购与核销</source>
        <translation>Repurchase and coupons</translation>
    </message>
    <message>
        <source>类别排行</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>等级分布</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>年龄性别</source>
        <translation>Age and gender</translation>
    </message>
    <message>
        <source>RFM分群</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>店员业绩</source>
        <translation>Staff credit</translation>
    </message>
    <message>
        <source>{reason}，请确认金额无误后再记账。</source>
        <translation>{reason}. Please check the amount before recording the sale.</translation>
    </message>
    <message>
        <source>数据库正被另一个窗口或程序占用，请稍等几秒再试。刚才的操作没有保存。</source>
        <translation>The database is in use by another window or program. Please wait a few seconds and try again. Nothing was saved.</translation>
    </message>
    <message>
        <source>数据库正忙于另一项操作，请稍等几秒再试。刚才的操作没有保存。</source>
        <translation>The database is busy with another operation. Please wait a few seconds and try again. Nothing was saved.</translation>
    </message>
    <message>
        <source>数据库文件只能读不能写（文件或文件夹是只读的，或在只读的磁盘上），刚才的操作没有保存。请检查文件权限。</source>
        <translation>The database file can be read but not written (the file or its folder is read-only, or it is on a read-only disk). Nothing was saved. Please check the file&apos;s permissions.</translation>
    </message>
    <message>
        <source>读写数据库文件时磁盘出错（U盘或网络盘可能已拔出或断开），刚才的操作没有保存。请检查磁盘后重新打开程序。</source>
        <translation>The disk failed while the database file was read or written (a USB stick or network drive may have been removed or disconnected). Nothing was saved. Please check the disk, then open the program again.</translation>
    </message>
    <message>
        <source>磁盘已满，无法保存。请清理磁盘空间后再试，刚才的操作没有保存。</source>
        <translation>The disk is full. Nothing was saved. Please free some disk space and try again.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，请从备份恢复。</source>
        <translation>The database file is damaged. Please restore it from a backup.</translation>
    </message>
    <message>
        <source>无法打开数据库文件，请检查文件所在的文件夹是否存在、是否有权限。</source>
        <translation>The database file cannot be opened. Please check that its folder exists and that you have permission to use it.</translation>
    </message>
    <message>
        <source>这个文件不是本程序的数据库，或者已损坏、被加密。请检查所选的文件，或从备份恢复。</source>
        <translation>This file is not a database of this program, or it is damaged or encrypted. Please check the file you chose, or restore from a backup.</translation>
    </message>
    <message>
        <source>没有权限（文件可能正在 Excel 等程序中打开，或文件夹、磁盘是只读的）</source>
        <translation>permission denied (the file may be open in Excel or another program, or the folder or disk is read-only)</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>磁盘或U盘无法访问（可能已拔出）</source>
        <translation>the disk or USB stick cannot be reached (it may have been removed)</translation>
    </message>
    <message>
        <source>文件夹不能写入</source>
        <translation>the folder cannot be written to</translation>
    </message>
    <message>
        <source>数据库文件已损坏，请运行 pharmacy-desk check 检查</source>
        <translation>the database file is damaged; please run pharmacy-desk check</translation>
    </message>
    <message>
        <source>数据库正忙</source>
        <translation>the database is busy</translation>
    </message>
    <message>
        <source>文件夹不存在</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>这不是文件夹</source>
        <translation>this is not a folder</translation>
    </message>
    <message>
        <source>同名的文件夹已存在</source>
        <translation>a folder of the same name already exists</translation>
    </message>
    <message>
        <source>备份文件夹 {wanted} 不存在或不能写入（U盘可能已拔出），这次的备份已保存到程序数据目录 {fallback}。</source>
        <translation>The backup folder {wanted} does not exist or cannot be written to (a USB stick may have been removed); this backup was saved in the program&apos;s data folder {fallback}.</translation>
    </message>
    <message>
        <source>备份没有完成（{folder}）：{reason}。数据库本身没有受影响。</source>
        <translation>The backup was not finished ({folder}): {reason}. The database itself is not affected.</translation>
    </message>
    <message>
        <source>内存中的数据库不能备份。</source>
        <translation>A database held in memory cannot be backed up.</translation>
    </message>
    <message>
        <source>备份没有完成（{folder}）：复制出的文件没有通过完整性检查，已删除。请运行 pharmacy-desk check 检查数据库。</source>
        <translation>The backup was not finished ({folder}): the copy failed its integrity check and was deleted. Please run pharmacy-desk check on the database.</translation>
    </message>
    <message>
        <source>{problem}最近的完好备份：{backup}（pharmacy-desk --db {database} restore {backup}，或 店长 ▸ 备份与恢复）。</source>
        <translation>{problem} The newest good backup: {backup} (pharmacy-desk --db {database} restore {backup}, or Owner ▸ Backup and restore).</translation>
    </message>
    <message>
        <source>磁盘或U盘无法访问（可能已拔出或断开）</source>
        <translation>the disk or USB stick cannot be reached (it may have been removed or disconnected)</translation>
    </message>
    <message>
        <source>路径中有一段不是文件夹</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是文件</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>找不到这个文件</source>
        <translation>the file was not found</translation>
    </message>
    <message>
        <source>所在的文件夹不存在</source>
        <translation>its folder does not exist</translation>
    </message>
    <message>
        <source>这个文件夹里不能新建文件</source>
        <translation>no new file can be made in this folder</translation>
    </message>
    <message>
        <source>无法读取 {path}：{reason}。</source>
        <translation>Could not read {path}: {reason}.</translation>
    </message>
    <message>
        <source>无法读取文件：{reason}。</source>
        <translation>Could not read the file: {reason}.</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}。刚才的文件没有保存。</source>
        <translation>Could not write {path}: {reason}. The file was not saved.</translation>
    </message>
    <message>
        <source>无法写入文件：{reason}。刚才的文件没有保存。</source>
        <translation>Could not write the file: {reason}. The file was not saved.</translation>
    </message>
    <message>
        <source>无法访问 {path}：{reason}。</source>
        <translation>Could not access {path}: {reason}.</translation>
    </message>
    <message>
        <source>无法访问文件：{reason}。</source>
        <translation>Could not access the file: {reason}.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>本单合计 {total} 元超过单笔上限 {ceiling} 元，请核对金额。</source>
        <translation>This sale&apos;s total of ¥{total} is over the limit of ¥{ceiling} for one sale. Please check the amount.</translation>
    </message>
    <message>
        <source>本单合计 {total} 元，超过 {threshold} 元</source>
        <translation>This sale&apos;s total of ¥{total} is over ¥{threshold}</translation>
    </message>
    <message>
        <source>本单合计 {total} 元，是该会员平时每单（约 {usual} 元）的 {times} 倍</source>
        <translation>This sale&apos;s total of ¥{total} is {times} times what this member usually spends (about ¥{usual})</translation>
    </message>
    <message>
        <source>密码最多 {limit} 个字符。</source>
        <translation>A password has at most {limit} characters.</translation>
    </message>
    <message>
        <source>请填写密码或 PIN。</source>
        <translation>Please enter a password or PIN.</translation>
    </message>
    <message>
        <source>店长的密码至少 {limit} 个字符。</source>
        <translation>The owner&apos;s password needs at least {limit} characters.</translation>
    </message>
    <message>
        <source>PIN 应为 4 到 6 位数字，或使用至少 {limit} 个字符的密码。</source>
        <translation>A PIN is 4 to 6 digits; otherwise use a password of at least {limit} characters.</translation>
    </message>
    <message>
        <source>店员角色应为{roles}之一，收到：{role}。</source>
        <translation>A staff role is one of {roles}; got: {role}.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的店员，请换一个姓名。</source>
        <translation>There is already a staff member named “{name}”; please choose another name.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的店员（已停用），请换一个姓名。</source>
        <translation>There is already a staff member named “{name}” (deactivated); please choose another name.</translation>
    </message>
    <message>
        <source>{name}是唯一在职的店长，不能{what}；请先添加另一位店长。</source>
        <translation>{name} is the only active owner and cannot be {what}; please add another owner first.</translation>
    </message>
    <message>
        <source>设为店长需要同时设置至少 {limit} 个字符的新密码。</source>
        <translation>Making someone owner needs a new password of at least {limit} characters at the same time.</translation>
    </message>
    <message>
        <source>改为其他角色</source>
        <translation>given another role</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>找不到名为“{name}”的店员。</source>
        <translation>No staff member is named “{name}”.</translation>
    </message>
    <message>
        <source>金额“{typed}”无法识别：只能输入数字和小数点，最多两位小数。</source>
        <translation>The amount “{typed}” cannot be read: type only digits and a decimal point, with at most two decimals.</translation>
    </message>
    <message>
        <source>金额“{typed}”位数太多，请核对后重新输入。</source>
        <translation>The amount “{typed}” has too many digits; please check it and type it again.</translation>
    </message>
    <message>
        <source>没有名为“{typed}”的操作类型，可用：{kinds}。</source>
        <translation>No operation kind is named “{typed}”; the kinds are: {kinds}.</translation>
    </message>
    <message>
        <source>没有卡号为 {number} 的会员。</source>
        <translation>No member has the card number {number}.</translation>
    </message>
    <message>
        <source>依据《药品流通监督管理办法》第二十条，{drug_class}不能作为赠品。</source>
        <translation>Under article 20 of the Measures for the Supervision of Drug Distribution, {drug_class} may not be given as gifts.</translation>
    </message>
    <message>
        <source>未知的药品分类：{drug_class}</source>
        <translation>Unknown drug class: {drug_class}</translation>
    </message>
    <message>
        <source>未知的兑换类别：{kind}</source>
        <translation>Unknown kind of reward: {kind}</translation>
    </message>
    <message>
        <source>请填写兑换品名称。</source>
        <translation>Please enter the reward&apos;s name.</translation>
    </message>
    <message>
        <source>兑换品名称不能超过 {limit} 个字。</source>
        <translation>A reward&apos;s name has at most {limit} characters.</translation>
    </message>
    <message>
        <source>兑换所需积分必须大于零。</source>
        <translation>The points needed must be more than zero.</translation>
    </message>
    <message>
        <source>兑换所需积分不能超过 {limit}。</source>
        <translation>The points needed cannot be more than {limit}.</translation>
    </message>
    <message>
        <source>价值须在 0 到 {amount} 元之间。</source>
        <translation>The value must be between ¥0 and ¥{amount}.</translation>
    </message>
    <message>
        <source>库存不能为负数。</source>
        <translation>The stock cannot be negative.</translation>
    </message>
    <message>
        <source>库存不能超过 {limit}。</source>
        <translation>The stock cannot be more than {limit}.</translation>
    </message>
    <message>
        <source>兑换目录中没有这件礼品或服务。</source>
        <translation>This gift or service is not in the catalogue.</translation>
    </message>
    <message>
        <source>补货数量必须大于零。</source>
        <translation>The quantity restocked must be more than zero.</translation>
    </message>
    <message>
        <source>“{name}”库存不限，无需补货。</source>
        <translation>“{name}” has unlimited stock and needs no restocking.</translation>
    </message>
    <message>
        <source>“{name}”已经停用。</source>
        <translation>“{name}” is already withdrawn.</translation>
    </message>
    <message>
        <source>“{name}”正在使用中。</source>
        <translation>“{name}” is already offered.</translation>
    </message>
    <message>
        <source>撤销兑换必须填写原因。</source>
        <translation>Reversing a redemption needs a reason.</translation>
    </message>
    <message>
        <source>找不到这次兑换。</source>
        <translation>This redemption was not found.</translation>
    </message>
    <message>
        <source>这次兑换没有积分扣减记录，无法撤销。</source>
        <translation>This redemption has no points deduction on record and cannot be reversed.</translation>
    </message>
    <message>
        <source>未知的回访原因：{reason}</source>
        <translation>Unknown reason for a call: {reason}</translation>
    </message>
    <message>
        <source>请选择回访结果。</source>
        <translation>Please choose the outcome of the call.</translation>
    </message>
    <message>
        <source>回访记录必须由具体店员登记。</source>
        <translation>A call must be recorded by a named staff member.</translation>
    </message>
    <message>
        <source>找不到这位会员。</source>
        <translation>This member was not found.</translation>
    </message>
    <message>
        <source>券模板“{title}”已停用，不能再发放。</source>
        <translation>The coupon template “{title}” is withdrawn and cannot be issued any more.</translation>
    </message>
    <message>
        <source>发券缺少批次编号。</source>
        <translation>Issuing coupons needs a batch number.</translation>
    </message>
    <message numerus="yes">
        <source>已处理 {done} / %n 位会员</source>
        <translation>
            <numerusform>{done} of %n member done</numerusform>
            <numerusform>{done} of %n members done</numerusform>
        </translation>
    </message>
    <message>
        <source>没有这个回访名单：{list_key}。</source>
        <translation>There is no such call list: {list_key}.</translation>
    </message>
    <message>
        <source>没有这个营销活动：{campaign_key}。</source>
        <translation>There is no such campaign: {campaign_key}.</translation>
    </message>
    <message>
        <source>未知的券类型：{kind}。</source>
        <translation>Unknown kind of coupon: {kind}.</translation>
    </message>
    <message>
        <source>请填写券的名称。</source>
        <translation>Please enter the coupon&apos;s name.</translation>
    </message>
    <message>
        <source>券的名称不能超过 {limit} 个字。</source>
        <translation>A coupon&apos;s name has at most {limit} characters.</translation>
    </message>
    <message>
        <source>有效天数须在 1 到 {limit} 天之间。</source>
        <translation>The days of validity must be between 1 and {limit}.</translation>
    </message>
    <message>
        <source>券的金额须在 0 到 {amount} 元之间。</source>
        <translation>The coupon&apos;s amount must be between ¥0 and ¥{amount}.</translation>
    </message>
    <message>
        <source>使用门槛须在 0 到 {amount} 元之间。</source>
        <translation>The minimum spend must be between ¥0 and ¥{amount}.</translation>
    </message>
    <message>
        <source>代金券的金额必须大于零。</source>
        <translation>A voucher&apos;s amount must be more than zero.</translation>
    </message>
    <message>
        <source>满减券的减免金额必须大于零。</source>
        <translation>A spend-and-save coupon&apos;s discount must be more than zero.</translation>
    </message>
    <message>
        <source>满减券的门槛必须高于减免金额（满 {min_spend} 元减 {value} 元不成立）。</source>
        <translation>A spend-and-save coupon&apos;s minimum spend must be above its discount (¥{value} off ¥{min_spend} does not work).</translation>
    </message>
    <message>
        <source>折扣券的折扣须在 1% 到 99% 之间。</source>
        <translation>A discount coupon&apos;s discount must be between 1% and 99%.</translation>
    </message>
    <message>
        <source>体验券请填写所兑换的服务，例如免费测血压。</source>
        <translation>For a service coupon, please enter the service it is for, e.g. a free blood pressure check.</translation>
    </message>
    <message>
        <source>服务名称不能超过 {limit} 个字。</source>
        <translation>A service&apos;s name has at most {limit} characters.</translation>
    </message>
    <message>
        <source>{what}（满{min_spend}元可用）</source>
        <translation>{what} (on a spend of ¥{min_spend} or more)</translation>
    </message>
    <message>
        <source>{what}，满{min_spend}元可用</source>
        <translation>{what}, on a spend of ¥{min_spend} or more</translation>
    </message>
    <message numerus="yes">
        <source>{what}，%n天有效</source>
        <translation>
            <numerusform>{what}, valid %n day</numerusform>
            <numerusform>{what}, valid %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>没有这个券模板。</source>
        <translation>There is no such coupon template.</translation>
    </message>
    <message>
        <source>未知的券类型：{kind}</source>
        <translation>Unknown kind of coupon: {kind}</translation>
    </message>
    <message>
        <source>代金券和满减券的金额必须大于零。</source>
        <translation>The amount of a voucher or spend-and-save coupon must be more than zero.</translation>
    </message>
    <message>
        <source>折扣券的折扣必须在1%到99%之间。</source>
        <translation>A discount coupon&apos;s discount must be between 1% and 99%.</translation>
    </message>
    <message>
        <source>券的有效期必须至少一天。</source>
        <translation>A coupon must be valid for at least one day.</translation>
    </message>
    <message>
        <source>这张券已在 {used_at} 使用过。</source>
        <translation>This coupon was already used on {used_at}.</translation>
    </message>
    <message>
        <source>这张券不属于当前会员。</source>
        <translation>This coupon does not belong to this member.</translation>
    </message>
    <message>
        <source>这张券 {valid_from} 起才能使用。</source>
        <translation>This coupon can be used from {valid_from}.</translation>
    </message>
    <message>
        <source>这张券已于 {valid_until} 过期。</source>
        <translation>This coupon expired on {valid_until}.</translation>
    </message>
    <message>
        <source>体验券用于兑换服务，不能抵扣货款。</source>
        <translation>A service coupon is for a service and cannot be taken off a sale.</translation>
    </message>
    <message>
        <source>消费满 {amount} 元才能使用这张券。</source>
        <translation>This coupon needs a spend of at least ¥{amount}.</translation>
    </message>
    <message>
        <source>找不到这张券。</source>
        <translation>This coupon was not found.</translation>
    </message>
    <message>
        <source>这张券是{kind}，请在收银时抵扣货款。</source>
        <translation>This coupon is a {kind}: take it off a sale at the counter.</translation>
    </message>
    <message>
        <source>{rate}折（减{percent}%）</source>
        <translation>{percent}% off ({rate}/10 of the price)</translation>
    </message>
    <message>
        <source>满{min_spend}减{value}</source>
        <translation>¥{value} off ¥{min_spend}</translation>
    </message>
    <message>
        <source>{amount}元{kind}</source>
        <translation>¥{amount} {kind}</translation>
    </message>
    <message>
        <source>{kind}：{service}</source>
        <translation>{kind}: {service}</translation>
    </message>
    <message>
        <source>{what}（至 {until}）</source>
        <translation>{what} (until {until})</translation>
    </message>
    <message>
        <source>不存在（路径可能输错了，或文件被移走、U盘未插好）</source>
        <translation>does not exist (the path may be mistyped, or the file moved, or the USB stick not plugged in)</translation>
    </message>
    <message>
        <source>是一个文件夹，不是数据库文件</source>
        <translation>is a folder, not a database file</translation>
    </message>
    <message>
        <source>是空的（0 字节），里面没有数据</source>
        <translation>is empty (0 bytes) and holds no data</translation>
    </message>
    <message>
        <source>不是数据库文件（可能是别的文件，或已被加密、严重损坏）</source>
        <translation>is not a database file (it may be another kind of file, or encrypted, or badly damaged)</translation>
    </message>
    <message>
        <source>是一个空的 SQLite 数据库，还没有建立本程序的数据</source>
        <translation>is an empty SQLite database, without this program&apos;s data yet</translation>
    </message>
    <message>
        <source>是别的程序的数据库，不是本程序的数据库</source>
        <translation>is another program&apos;s database, not this program&apos;s</translation>
    </message>
    <message>
        <source>已损坏（SQLite 快速检查未通过）</source>
        <translation>is damaged (it failed SQLite&apos;s quick check)</translation>
    </message>
    <message>
        <source>如果是第一次使用，请先运行 pharmacy-desk init 创建数据库</source>
        <translation>If this is the first use, run pharmacy-desk init first to create the database</translation>
    </message>
    <message>
        <source>文件没有被改动；如确实要新建数据库，请先删除或改名这个文件，再运行 pharmacy-desk init</source>
        <translation>The file was not changed; to make a new database here, delete or rename this file first, then run pharmacy-desk init</translation>
    </message>
    <message>
        <source>文件没有被改动</source>
        <translation>The file was not changed</translation>
    </message>
    <message>
        <source>文件没有被改动；如要在其中新建，请运行 pharmacy-desk init</source>
        <translation>The file was not changed; to make the database in it, run pharmacy-desk init</translation>
    </message>
    <message>
        <source>文件没有被改动，请检查所选的文件</source>
        <translation>The file was not changed; please check the file you chose</translation>
    </message>
    <message>
        <source>为免损失更多数据，没有打开它，文件没有被改动</source>
        <translation>It was not opened, so that no more data is lost; the file was not changed</translation>
    </message>
    <message>
        <source>{found}。{advice}</source>
        <translation>{found}. {advice}</translation>
    </message>
    <message>
        <source>数据库文件 {path} {refusal}。可以从最近的完好备份恢复：pharmacy-desk --db {path} restore {backup}。</source>
        <translation>The database file {path} {refusal}. It can be restored from the newest good backup: pharmacy-desk --db {path} restore {backup}.</translation>
    </message>
    <message>
        <source>数据库文件 {path} {refusal}。没有找到它的备份，请找出别处保存的副本。</source>
        <translation>The database file {path} {refusal}. No backup of it was found; please look for a copy kept elsewhere.</translation>
    </message>
    <message>
        <source>数据库文件 {path} {refusal}。</source>
        <translation>The database file {path} {refusal}.</translation>
    </message>
    <message>
        <source>这个数据库已有会员资料，不是演示数据库；演示数据只能写入新的或演示用的数据库。</source>
        <translation>This database already holds members and is not a demo database; demo data goes only into a new or demo database.</translation>
    </message>
    <message>
        <source>这个数据库已有消费记录，不是演示数据库；演示数据只能写入新的或演示用的数据库。</source>
        <translation>This database already holds sales and is not a demo database; demo data goes only into a new or demo database.</translation>
    </message>
    <message>
        <source>无效的积分入账：{kind} {points}</source>
        <translation>Invalid points credit: {kind} {points}</translation>
    </message>
    <message>
        <source>无效的积分扣减：{kind} {points}</source>
        <translation>Invalid points debit: {kind} {points}</translation>
    </message>
    <message>
        <source>积分不足：需要 {points} 分，可用 {usable} 分。</source>
        <translation>Not enough points: {points} needed, {usable} usable.</translation>
    </message>
    <message>
        <source>积分到期</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>手工调整积分必须填写原因。</source>
        <translation>A manual points adjustment needs a reason.</translation>
    </message>
    <message>
        <source>调整的积分不能为零。</source>
        <translation>The points adjusted cannot be zero.</translation>
    </message>
    <message>
        <source>卡号应为4–24位数字或字母：{raw}</source>
        <translation>A card number is 4 to 24 digits or letters: {raw}</translation>
    </message>
    <message>
        <source>已有会员使用该卡号：{name}（卡号 {card_no}，手机 {phone}）。</source>
        <translation>A member already has this card number: {name} (card {card_no}, phone {phone}).</translation>
    </message>
    <message>
        <source>已有会员使用该手机号：{name}（卡号 {card_no}，手机 {phone}），是同一个人。</source>
        <translation>A member already has this phone number: {name} (card {card_no}, phone {phone}), the same person.</translation>
    </message>
    <message>
        <source>{name}（卡号 {card_no}）</source>
        <translation>{name} (card {card_no})</translation>
    </message>
    <message>
        <source>已有会员使用手机 {phone}：{people}。是同一个人请打开该会员；家人共用这个号码时，可以为新顾客另行登记。</source>
        <translation>Phone {phone} is already a member&apos;s: {people}. If it is the same person, open that member; when a family shares the number, the new customer can be signed up on it too.</translation>
    </message>
    <message>
        <source>手机号为空。</source>
        <translation>The phone number is empty.</translation>
    </message>
    <message>
        <source>手机号被存成了科学计数法（{raw}），后几位已经丢失，请核对原始记录后以文本格式重新填写</source>
        <translation>The phone number was stored in scientific notation ({raw}) and its last digits are lost; please check the original record and enter it again as text</translation>
    </message>
    <message>
        <source>手机号只能包含数字：{raw}</source>
        <translation>A phone number has only digits: {raw}</translation>
    </message>
    <message>
        <source>手机号应为11位，这里是{count}位：{digits}</source>
        <translation>A phone number has 11 digits; this one has {count}: {digits}</translation>
    </message>
    <message>
        <source>不是有效的手机号（应以13–19开头）：{digits}</source>
        <translation>Not a valid phone number (it starts with 13 to 19): {digits}</translation>
    </message>
    <message>
        <source>“{character}”</source>
        <translation> “{character}”</translation>
    </message>
    <message>
        <source>姓名里有不能使用的字符{shown}（U+{code}），请只填写文字。</source>
        <translation>The name has a character{shown} that cannot be used (U+{code}); please enter letters only.</translation>
    </message>
    <message>
        <source>姓名不能为空。</source>
        <translation>The name cannot be empty.</translation>
    </message>
    <message>
        <source>姓名太长（{length}个字）。</source>
        <translation>The name is too long ({length} characters).</translation>
    </message>
    <message>
        <source>生日 {birthday} 在未来。</source>
        <translation>The birthday {birthday} is in the future.</translation>
    </message>
    <message>
        <source>生日 {birthday} 太早，请检查年份。</source>
        <translation>The birthday {birthday} is too early; please check the year.</translation>
    </message>
    <message>
        <source>性别应为“男”或“女”：{raw}</source>
        <translation>The gender must be male or female: {raw}</translation>
    </message>
    <message>
        <source>不存在的日期：{raw}</source>
        <translation>No such date: {raw}</translation>
    </message>
    <message>
        <source>日期格式不对：{raw}（请写成 1965-03-08）</source>
        <translation>The date is not in the right form: {raw} (write it as 1965-03-08)</translation>
    </message>
    <message>
        <source>日期格式不对：{raw}</source>
        <translation>The date is not in the right form: {raw}</translation>
    </message>
    <message>
        <source>积分不是数字：{raw}</source>
        <translation>The points are not a number: {raw}</translation>
    </message>
    <message>
        <source>积分不能为负数：{raw}</source>
        <translation>The points cannot be negative: {raw}</translation>
    </message>
    <message>
        <source>操作缺少唯一编号。</source>
        <translation>The operation has no unique number.</translation>
    </message>
    <message>
        <source>必须指明操作员。</source>
        <translation>The operator must be named.</translation>
    </message>
    <message>
        <source>操作编号“{key}”已被另一项操作使用，本次操作没有执行。</source>
        <translation>The operation number “{key}” is already used by another operation; this one was not carried out.</translation>
    </message>
    <message>
        <source>没有“{permission}”的权限（{holders}可以）。</source>
        <translation>You do not have the permission “{permission}” ({holders} can).</translation>
    </message>
    <message>
        <source>医保支付 {amount} 元超过所标医保类别的金额 {covered} 元，请勾选医保支付了哪些类别。</source>
        <translation>The insurance payment of ¥{amount} is more than the ¥{covered} of the categories marked as insured; please tick the categories insurance paid for.</translation>
    </message>
    <message>
        <source>抵现积分不能为负数。</source>
        <translation>The points used as cash cannot be negative.</translation>
    </message>
    <message numerus="yes">
        <source>抵现积分必须由整档组成（每档 {sizes} 积分），%n 积分无法抵现。</source>
        <translation>
            <numerusform>Points are used as cash in whole steps ({sizes} points a step); %n point cannot be used.</numerusform>
            <numerusform>Points are used as cash in whole steps ({sizes} points a step); %n points cannot be used.</numerusform>
        </translation>
    </message>
    <message>
        <source>生日格式不对：{text}（例如 1965-3-8）</source>
        <translation>The birthday is not in the right form: {text} (e.g. 1965-3-8)</translation>
    </message>
    <message>
        <source>没有这一天：{text}</source>
        <translation>No such day: {text}</translation>
    </message>
    <message>
        <source>找不到这位店员。</source>
        <translation>This staff member was not found.</translation>
    </message>
    <message>
        <source>不能修改这些资料：{fields}</source>
        <translation>These details cannot be changed: {fields}</translation>
    </message>
    <message>
        <source>已有会员使用该手机号：{name}（卡号 {card_no}，手机 {phone}）。</source>
        <translation>A member already has this phone number: {name} (card {card_no}, phone {phone}).</translation>
    </message>
    <message>
        <source>{name}没有待确认的导入病史。</source>
        <translation>{name} has no imported medical history to confirm.</translation>
    </message>
    <message>
        <source>{name}尚未同意收集健康信息，不能记录健康档案。</source>
        <translation>{name} has not agreed to health information being kept; no health file can be recorded.</translation>
    </message>
    <message>
        <source>{label}应为整数：{value}</source>
        <translation>{label} must be a whole number: {value}</translation>
    </message>
    <message>
        <source>{label} {number} 不在合理范围（{low}–{high}）内，请复测。</source>
        <translation>{label} {number} is outside the plausible range ({low}–{high}); please measure again.</translation>
    </message>
    <message>
        <source>血糖应为数字（mmol/L）：{value}</source>
        <translation>Blood glucose must be a number (mmol/L): {value}</translation>
    </message>
    <message>
        <source>血糖 {value} mmol/L 不在合理范围（{low}–{high}）内，请复测。</source>
        <translation>Blood glucose {value} mmol/L is outside the plausible range ({low}–{high}); please measure again.</translation>
    </message>
    <message>
        <source>收缩压</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>收缩压（{high}）应高于舒张压（{low}），请检查是否填反。</source>
        <translation>The systolic pressure ({high}) must be above the diastolic ({low}); please check they are not swapped.</translation>
    </message>
    <message>
        <source>未知的测量类型：{kind}</source>
        <translation>Unknown kind of measurement: {kind}</translation>
    </message>
    <message>
        <source>超出本月兑换上限：本月还可兑换 {remaining} 元，本次 {amount} 元。</source>
        <translation>Over this month&apos;s redemption limit: ¥{remaining} is left this month, this redemption is ¥{amount}.</translation>
    </message>
    <message>
        <source>“{name}”库存不足（剩 {stock} 件）。</source>
        <translation>Not enough “{name}” in stock ({stock} left).</translation>
    </message>
    <message>
        <source>兑换数量必须大于零。</source>
        <translation>The quantity redeemed must be more than zero.</translation>
    </message>
    <message>
        <source>“{name}”库存不足。</source>
        <translation>Not enough “{name}” in stock.</translation>
    </message>
    <message>
        <source>{month} 还没有结束，只有已结束的月份才能结账或重算。</source>
        <translation>{month} has not ended yet; only ended months can be closed or recomputed.</translation>
    </message>
    <message>
        <source>月份格式应为“年-月”，例如 2026-06，收到：{text}</source>
        <translation>A month is written year-month, e.g. 2026-06; got: {text}</translation>
    </message>
    <message>
        <source>找不到备份文件 {location}。</source>
        <translation>The backup file {location} was not found.</translation>
    </message>
    <message>
        <source>不能从 {location} 恢复：这个文件{found}。</source>
        <translation>Cannot restore from {location}: this file {found}.</translation>
    </message>
    <message>
        <source>不能从 {location} 恢复：这个备份没有通过完整性检查（已损坏）。请选另一个备份。</source>
        <translation>Cannot restore from {location}: this backup failed its integrity check (it is damaged). Please choose another backup.</translation>
    </message>
    <message>
        <source>不能从 {location} 恢复：它来自更新版本的程序（结构版本 {user_version}），请升级本程序后再恢复。</source>
        <translation>Cannot restore from {location}: it comes from a newer version of the program (schema version {user_version}); please upgrade this program, then restore.</translation>
    </message>
    <message>
        <source>内存中的数据库不能恢复。</source>
        <translation>A database held in memory cannot be restored.</translation>
    </message>
    <message>
        <source>找不到小票号 {receipt_no} 的消费记录。</source>
        <translation>No sale has the receipt number {receipt_no}.</translation>
    </message>
    <message>
        <source>找不到这笔消费。</source>
        <translation>This sale was not found.</translation>
    </message>
    <message>
        <source>退款 {amount} 元超过 {limit} 元</source>
        <translation>The refund of ¥{amount} is over ¥{limit}</translation>
    </message>
    <message numerus="yes">
        <source>这笔消费已超过 %n 天</source>
        <translation>
            <numerusform>This sale is more than %n day old</numerusform>
            <numerusform>This sale is more than %n days old</numerusform>
        </translation>
    </message>
    <message>
        <source>这笔消费已全部退货，没有可退的金额。</source>
        <translation>This sale is fully returned; nothing is left to refund.</translation>
    </message>
    <message>
        <source>退货的商品不属于这笔消费。</source>
        <translation>The goods returned are not from this sale.</translation>
    </message>
    <message>
        <source>退货金额超出可退金额（该项最多还可退 {amount} 元）。</source>
        <translation>The amount returned is more than can be returned (at most ¥{amount} more for this line).</translation>
    </message>
    <message>
        <source>请选择退货原因。</source>
        <translation>Please choose the reason for the return.</translation>
    </message>
    <message>
        <source>{approval_reason}，需要店长批准：{refusal}</source>
        <translation>{approval_reason}, so the owner must approve: {refusal}</translation>
    </message>
    <message>
        <source>退货退回抵现积分</source>
        <translation>Points used as cash given back on a return</translation>
    </message>
    <message>
        <source>退货扣回所得积分</source>
        <translation>Points earned taken back on a return</translation>
    </message>
    <message>
        <source>不能修改：{fields}</source>
        <translation>Cannot be changed: {fields}</translation>
    </message>
    <message>
        <source>{name}是入会即得的等级，消费和次数门槛都必须为 0。</source>
        <translation>{name} is the tier every member starts in: its spend and visit thresholds must both be 0.</translation>
    </message>
    <message>
        <source>等级名称不能为空。</source>
        <translation>A tier&apos;s name cannot be empty.</translation>
    </message>
    <message>
        <source>{name}：门槛和兑换上限不能为负数。</source>
        <translation>{name}: the thresholds and the redemption limit cannot be negative.</translation>
    </message>
    <message>
        <source>{name}的积分倍数应为 {allowed}之间，收到：{multiplier}。</source>
        <translation>{name}&apos;s points multiplier must be {allowed}; got: {multiplier}.</translation>
    </message>
    <message>
        <source>{higher}的门槛（{higher_spend} 元、{higher_visits} 次）不能低于{lower}（{lower_spend} 元、{lower_visits} 次）。</source>
        <translation>{higher}&apos;s thresholds (¥{higher_spend}, visits: {higher_visits}) cannot be below {lower}&apos;s (¥{lower_spend}, visits: {lower_visits}).</translation>
    </message>
    <message>
        <source>没有代码为“{code}”的会员等级。</source>
        <translation>No member tier has the code “{code}”.</translation>
    </message>
    <message>
        <source>没有代码为“{codes}”的会员等级。</source>
        <translation>No member tier has the code “{codes}”.</translation>
    </message>
    <message>
        <source>没有代码为“{code}”的商品类别。</source>
        <translation>No category has the code “{code}”.</translation>
    </message>
    <message>
        <source>类别名称不能为空。</source>
        <translation>A category&apos;s name cannot be empty.</translation>
    </message>
    <message>
        <source>{name}：积分不能为负数。</source>
        <translation>{name}: the points cannot be negative.</translation>
    </message>
    <message>
        <source>{name}：计积分的金额单位必须大于 0 元。</source>
        <translation>{name}: the amount each step of points is earned on must be more than ¥0.</translation>
    </message>
    <message>
        <source>未知的商品类别：{items}</source>
        <translation>Unknown category: {items}</translation>
    </message>
    <message>
        <source>请至少录入一笔金额。</source>
        <translation>Please enter at least one amount.</translation>
    </message>
    <message>
        <source>每个类别的金额都必须大于零。</source>
        <translation>Every category&apos;s amount must be more than zero.</translation>
    </message>
    <message>
        <source>未知的支付方式：{method}</source>
        <translation>Unknown payment method: {method}</translation>
    </message>
    <message>
        <source>支付金额不能为负数。</source>
        <translation>A payment cannot be negative.</translation>
    </message>
    <message>
        <source>散客不能使用积分。</source>
        <translation>A walk-in customer cannot use points.</translation>
    </message>
    <message>
        <source>积分抵现 {amount} 元超过应付金额 {due} 元。</source>
        <translation>The ¥{amount} of points used as cash is more than the ¥{due} due.</translation>
    </message>
    <message>
        <source>医保支付 {amount} 元超过应付金额 {due} 元。</source>
        <translation>The insurance payment of ¥{amount} is more than the ¥{due} due.</translation>
    </message>
    <message>
        <source>支付合计 {amount} 元与应付 {due} 元不符。</source>
        <translation>The payments total ¥{amount}, not the ¥{due} due.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 来自更新版本的程序（结构版本 {version}），请升级本程序后再打开。文件没有被改动。</source>
        <translation>The database file {path} comes from a newer version of the program (schema version {version}); please upgrade this program, then open it. The file was not changed.</translation>
    </message>
    <message>
        <source>这个数据库来自更新版本的程序（结构版本 {version}），请升级本程序后再打开。文件没有被改动。</source>
        <translation>This database comes from a newer version of the program (schema version {version}); please upgrade this program, then open it. The file was not changed.</translation>
    </message>
    <message>
        <source>结构升级到版本 {step} 后有记录指向不存在的数据，已撤销这次升级。</source>
        <translation>After upgrading the schema to version {step}, some records pointed at data that does not exist; the upgrade was undone.</translation>
    </message>
    <message>
        <source>{lower}（{lower_value}）不能高于{upper}（{upper_value}）。</source>
        <translation>{lower} ({lower_value}) cannot be higher than {upper} ({upper_value}).</translation>
    </message>
    <message>
        <source>{number} {unit}</source>
        <translation>{number} {unit}</translation>
    </message>
    <message>
        <source>{minimum} 到 {maximum}</source>
        <translation>{minimum} to {maximum}</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>收到：{value}</source>
        <translation>got: {value}</translation>
    </message>
    <message>
        <source>{label}应为 {allowed}之间的整数，{reason}。</source>
        <translation>{label} must be a whole number from {allowed}; {reason}.</translation>
    </message>
    <message>
        <source>“{text}”不是整数</source>
        <translation>“{text}” is not a whole number</translation>
    </message>
    <message>
        <source>{minimum} 到 {maximum} 元</source>
        <translation>¥{minimum} to ¥{maximum}</translation>
    </message>
    <message>
        <source>{label}应为 {allowed}之间的金额，{reason}。</source>
        <translation>{label} must be an amount from {allowed}; {reason}.</translation>
    </message>
    <message>
        <source>“{text}”不是金额（最多两位小数）</source>
        <translation>“{text}” is not an amount (at most two decimals)</translation>
    </message>
    <message>
        <source>{label}应为 {allowed}之间、最多{places}位小数的数字，{reason}。</source>
        <translation>{label} must be a number from {allowed} with at most {places} decimals; {reason}.</translation>
    </message>
    <message>
        <source>“{text}”不是数字</source>
        <translation>“{text}” is not a number</translation>
    </message>
    <message>
        <source>{label}应为“是”或“否”，收到：{value}。</source>
        <translation>{label} must be Yes or No; got: {value}.</translation>
    </message>
    <message>
        <source>“是”或“否”</source>
        <translation>Yes or No</translation>
    </message>
    <message>
        <source>{label}应为 {allowed}，收到：{value}。</source>
        <translation>{label} must be {allowed}; got: {value}.</translation>
    </message>
    <message>
        <source>“{choice}”</source>
        <translation>{choice}</translation>
    </message>
    <message>
        <source>{label}应为{allowed}之一，收到：{value}。</source>
        <translation>{label} must be one of {allowed}; got: {value}.</translation>
    </message>
    <message>
        <source>{points}积分={amount}元</source>
        <translation>{points} points=¥{amount}</translation>
    </message>
    <message>
        <source>1 到 {blocks} 档，每档 1 到 {points} 积分、每积分最多抵 {amount} 元</source>
        <translation>1 to {blocks} steps, each of 1 to {points} points, at most ¥{amount} a point</translation>
    </message>
    <message>
        <source>{label}格式应为“积分=元,积分=元”（如 500=20,1000=42），收到：{text}。</source>
        <translation>{label} is written points=yuan,points=yuan (e.g. 500=20,1000=42); got: {text}.</translation>
    </message>
    <message>
        <source>{label}应为 {allowed}，{reason}。</source>
        <translation>{label} must be {allowed}; {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>收到 %n 档</source>
        <translation>
            <numerusform>got %n step</numerusform>
            <numerusform>got %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>不能有两档都是 {points} 积分</source>
        <translation>two steps cannot both be {points} points</translation>
    </message>
    <message>
        <source>积分多的档每积分不能抵得更少：{big}低于{small}的比例</source>
        <translation>a bigger step cannot be worth less a point: {big} is below the rate of {small}</translation>
    </message>
    <message>
        <source>没有名为“{key}”的设置。</source>
        <translation>There is no setting named “{key}”.</translation>
    </message>
    <message>
        <source>{label}由程序维护，不能手动修改。</source>
        <translation>{label} is kept by the program and cannot be changed by hand.</translation>
    </message>
    <message>
        <source>请填写药店名称。</source>
        <translation>Please enter the pharmacy&apos;s name.</translation>
    </message>
    <message>
        <source>这个数据库已经完成开店设置；店员和密码由店长在“店员管理”中修改。</source>
        <translation>This database is already set up; the owner changes staff and passwords under Staff.</translation>
    </message>
    <message>
        <source>这个数据库已经完成开店设置。</source>
        <translation>This database is already set up.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的店员，请为店长换一个姓名。</source>
        <translation>There is already a staff member named “{name}”; please give the owner another name.</translation>
    </message>
    <message>
        <source>姓名或密码不正确。</source>
        <translation>The name or password is not right.</translation>
    </message>
    <message numerus="yes">
        <source>连续输错密码，账户已锁定，请 %n 分钟后再试，或请店长解锁。</source>
        <translation>
            <numerusform>Too many wrong passwords in a row: the account is locked. Please try again in %n minute, or ask the owner to unlock it.</numerusform>
            <numerusform>Too many wrong passwords in a row: the account is locked. Please try again in %n minutes, or ask the owner to unlock it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{wrong}已连续输错 {failures} 次，账户锁定 %n 分钟；可稍后再试，或请店长解锁。</source>
        <translation>
            <numerusform>{wrong} {failures} wrong tries in a row: the account is locked for %n minute. Try again later, or ask the owner to unlock it.</numerusform>
            <numerusform>{wrong} {failures} wrong tries in a row: the account is locked for %n minutes. Try again later, or ask the owner to unlock it.</numerusform>
        </translation>
    </message>
    <message>
        <source>文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。</source>
        <translation>The file is damaged and cannot be read. Please open it in Excel to check it, then save it again.</translation>
    </message>
    <message>
        <source>这个 .xls 文件里没有工作簿，或者文件已损坏。</source>
        <translation>This .xls file holds no workbook, or it is damaged.</translation>
    </message>
    <message>
        <source>没有选择这张表</source>
        <translation>this sheet was not chosen</translation>
    </message>
    <message>
        <source>没有找到表头，也看不出哪一列是姓名或手机号</source>
        <translation>no header row was found, and no column looks like the name or the phone</translation>
    </message>
    <message>
        <source>没有{missing}列（这张表没有表头）</source>
        <translation>no {missing} column (this sheet has no header row)</translation>
    </message>
    <message>
        <source>没有{missing}列（找到的列：{found}）</source>
        <translation>no {missing} column (columns found: {found})</translation>
    </message>
    <message>
        <source>和</source>
        <translation> and </translation>
    </message>
    <message>
        <source>不认识的字段“{text}”，可以是：{names}、不导入。</source>
        <translation>Unknown field “{text}”; it can be: {names}, or Do not import.</translation>
    </message>
    <message>
        <source>列的对应写成“列名=字段”，例如“联系人=姓名”：{item}</source>
        <translation>A column is matched as column=field, e.g. Contact=Name: {item}</translation>
    </message>
    <message>
        <source>文件中没有名为“{only_sheet}”的工作表；有：{names}。</source>
        <translation>The file has no sheet named “{only_sheet}”; it has: {names}.</translation>
    </message>
    <message>
        <source>选择了不导入</source>
        <translation>chosen not to import</translation>
    </message>
    <message>
        <source>隐藏的工作表（多为下拉选项或辅助数据）</source>
        <translation>a hidden sheet (usually dropdown values or helper data)</translation>
    </message>
    <message>
        <source>{column}列里没有一个号码（多为下拉选项或说明）</source>
        <translation>the {column} column holds no number at all (usually dropdown values or notes)</translation>
    </message>
    <message>
        <source>{found}……</source>
        <translation>{found}…</translation>
    </message>
    <message>
        <source>工作表“{name}”{skipped}，请指定哪一列是{needed}后再导入。</source>
        <translation>Sheet “{name}”: {skipped}. Please say which column is {needed}, then import.</translation>
    </message>
    <message>
        <source>找不到表头：文件中没有“姓名”“手机号”等列名，也看不出哪一列是手机号，请检查文件。</source>
        <translation>No header row: the file has no column named Name, Phone or the like, and no column looks like the phone. Please check the file.</translation>
    </message>
    <message>
        <source>工作表“{name}”未导入：{skipped}。</source>
        <translation>Sheet “{name}” is not imported: {skipped}.</translation>
    </message>
    <message>
        <source>{column}按内容当作{field}</source>
        <translation>{column} taken as {field} from its values</translation>
    </message>
    <message>
        <source>工作表“{name}”：{guessed}。</source>
        <translation>Sheet “{name}”: {guessed}.</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>文件里没有任何数据。</source>
        <translation>The file holds no data.</translation>
    </message>
    <message>
        <source>工作表“{name}”超过 {limit} 行，请拆分后再导入。</source>
        <translation>Sheet “{name}” has more than {limit} rows; please split it, then import.</translation>
    </message>
    <message>
        <source>工作表“{name}”的列数超过 {limit} 列，不像会员名单。</source>
        <translation>Sheet “{name}” has more than {limit} columns; it does not look like a member list.</translation>
    </message>
    <message>
        <source>工作簿设置了密码，请在 Excel 中取消密码后另存，再导入。</source>
        <translation>The workbook has a password. Please remove the password in Excel, save it, then import.</translation>
    </message>
    <message>
        <source>文件已损坏或不是电子表格，无法读取。请在 Excel 中打开确认后重新保存。</source>
        <translation>The file is damaged or not a spreadsheet and cannot be read. Please open it in Excel to check it, then save it again.</translation>
    </message>
    <message>
        <source>无法识别 .csv 文件的编码，请在 Excel 中另存为“CSV UTF-8”再导入。</source>
        <translation>The .csv file&apos;s encoding cannot be recognised. Please save it from Excel as CSV UTF-8, then import.</translation>
    </message>
    <message>
        <source>这个 .csv 文件不是文本文件（可能是 UTF-16 或二进制），请另存为“CSV UTF-8”再导入。</source>
        <translation>This .csv file is not a text file (it may be UTF-16 or binary). Please save it as CSV UTF-8, then import.</translation>
    </message>
    <message>
        <source>表格的列数超过 {limit} 列，不像会员名单，已拒绝导入。</source>
        <translation>The table has more than {limit} columns and does not look like a member list; it was not imported.</translation>
    </message>
    <message>
        <source>表格超过 {limit} 行，请拆分成多个文件后再导入。</source>
        <translation>The table has more than {limit} rows; please split it into several files, then import.</translation>
    </message>
    <message>
        <source>CSV 文件格式有误（引号不配对或一格内容过长），无法读取。</source>
        <translation>The CSV file is malformed (unmatched quotes, or a cell that is too long) and cannot be read.</translation>
    </message>
    <message>
        <source>{problems}。</source>
        <translation>{problems}.</translation>
    </message>
    <message>
        <source>办卡日期 {joined_on} 在未来。</source>
        <translation>The date joined {joined_on} is in the future.</translation>
    </message>
    <message>
        <source>找不到文件：{name}</source>
        <translation>File not found: {name}</translation>
    </message>
    <message>
        <source>含宏或二进制格式的工作簿不能导入，请在 Excel 中“另存为” .xlsx 后再导入。</source>
        <translation>A workbook with macros or in the binary format cannot be imported. Please use Save As .xlsx in Excel, then import.</translation>
    </message>
    <message>
        <source>不支持无扩展名文件，请选择 .xlsx、.xls、.ods 或 .csv 文件。</source>
        <translation>A file without an extension is not supported; please choose an .xlsx, .xls, .ods or .csv file.</translation>
    </message>
    <message>
        <source>不支持 {suffix} 文件，请选择 .xlsx、.xls、.ods 或 .csv 文件。</source>
        <translation>{suffix} files are not supported; please choose an .xlsx, .xls, .ods or .csv file.</translation>
    </message>
    <message>
        <source>文件是空的，没有可导入的内容。</source>
        <translation>The file is empty; there is nothing to import.</translation>
    </message>
    <message>
        <source>文件太大（{size} MB），请拆分成多个文件后再导入。</source>
        <translation>The file is too big ({size} MB); please split it into several files, then import.</translation>
    </message>
    <message>
        <source>这个文件其实是网页（WPS 或 Excel“另存为网页”得到的），不是真正的工作簿：请用 WPS 或 Excel 打开它，再“另存为” .xlsx 后导入。</source>
        <translation>This file is really a web page (from Save As Web Page in WPS or Excel), not a workbook: please open it in WPS or Excel, use Save As .xlsx, then import.</translation>
    </message>
    <message>
        <source>这是 Excel 4.0 或更早版本的工作簿，无法直接读取：请用 Excel 或 WPS 打开它，再“另存为” .xlsx 后导入。</source>
        <translation>This is a workbook of Excel 4.0 or earlier and cannot be read directly: please open it in Excel or WPS, use Save As .xlsx, then import.</translation>
    </message>
    <message>
        <source>这个 .csv 文件其实是 Excel 工作簿，请把扩展名改为 .xlsx 或 .xls。</source>
        <translation>This .csv file is really an Excel workbook; please change its extension to .xlsx or .xls.</translation>
    </message>
    <message>
        <source>工作簿设置了打开密码，请在 Excel 中取消密码后另存，再导入。</source>
        <translation>The workbook has an opening password. Please remove the password in Excel, save it, then import.</translation>
    </message>
    <message>
        <source>这个 .xls 文件不是真正的 Excel 工作簿（可能是网页或文本导出），请用 Excel 打开后另存为 .xlsx 再导入。</source>
        <translation>This .xls file is not a real Excel workbook (it may be a web page or a text export); please open it in Excel, save it as .xlsx, then import.</translation>
    </message>
    <message>
        <source>{name} 不是电子表格文件，或者文件已损坏。</source>
        <translation>{name} is not a spreadsheet file, or it is damaged.</translation>
    </message>
    <message>
        <source>文件已损坏，无法打开。请在 Excel 中打开确认后重新保存。</source>
        <translation>The file is damaged and cannot be opened. Please open it in Excel to check it, then save it again.</translation>
    </message>
    <message>
        <source>文件结构异常（包含的部件过多），已拒绝导入。</source>
        <translation>The file&apos;s structure is abnormal (too many parts); it was not imported.</translation>
    </message>
    <message>
        <source>这是含宏的工作簿，不能导入。请在 Excel 中“另存为” .xlsx（不含宏）后再导入。</source>
        <translation>This workbook has macros and cannot be imported. Please use Save As .xlsx (without macros) in Excel, then import.</translation>
    </message>
    <message>
        <source>文件解压后过大，可能是恶意构造的压缩文件，已拒绝导入。</source>
        <translation>The file is too big once unpacked and may be a maliciously built archive; it was not imported.</translation>
    </message>
    <message>
        <source>文件压缩比异常，可能是恶意构造的压缩文件，已拒绝导入。</source>
        <translation>The file&apos;s compression ratio is abnormal and it may be a maliciously built archive; it was not imported.</translation>
    </message>
    <message>
        <source>{name} 不是 Excel 工作簿，或者文件已损坏。</source>
        <translation>{name} is not an Excel workbook, or it is damaged.</translation>
    </message>
    <message>
        <source>{name} 不是 ODS 电子表格，或者文件已损坏。</source>
        <translation>{name} is not an ODS spreadsheet, or it is damaged.</translation>
    </message>
    <message>
        <source>文件包含不安全的 XML 声明，可能是恶意构造的文件，已拒绝导入。</source>
        <translation>The file holds unsafe XML declarations and may be maliciously built; it was not imported.</translation>
    </message>
    <message>
        <source>表格的数据范围太大（{rows} 行 × {columns} 列，超过 {limit} 个单元格），可能有远处的零散单元格：请删除多余的行列，或拆分成多个文件后再导入。</source>
        <translation>The table&apos;s data range is too big ({rows} rows × {columns} columns, over {limit} cells); there may be stray cells far away: please delete the extra rows and columns, or split it into several files, then import.</translation>
    </message>
    <message>
        <source>请填写店员姓名。</source>
        <translation>Please enter the staff member&apos;s name.</translation>
    </message>
    <message>
        <source>店员姓名最多 {limit} 个字：{name}</source>
        <translation>A staff member&apos;s name has at most {limit} characters: {name}</translation>
    </message>
    <message>
        <source>小票 {receipt_no}</source>
        <translation>receipt {receipt_no}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>期初积分导入</source>
        <translation>Opening points imported</translation>
    </message>
    <message>
        <source>正在写入会员和期初积分……</source>
        <translation>Writing the members and their opening points…</translation>
    </message>
    <message>
        <source>正在补充已有会员的资料……</source>
        <translation>Filling in the details of existing members…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>正在读取文件……</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>正在检查每一行……</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>身份证号只用来补全生日和性别，并按您的选择保存。</source>
        <translation>ID card numbers are used only to fill in birthdays and genders, and are kept as you chose.</translation>
    </message>
    <message>
        <source>身份证号只用来补全生日和性别，不会保存（如需保存，请在导入选项中打开）。</source>
        <translation>ID card numbers are used only to fill in birthdays and genders and are not kept (to keep them, turn it on in the import options).</translation>
    </message>
    <message numerus="yes">
        <source>%n 个手机号由多人共用（如一家人），每人各自导入为会员；在收银台用这个号码查找会列出他们。</source>
        <translation>
            <numerusform>%n phone number is shared by several people (a family, say): each is imported as a member of their own, and looking the number up at the counter lists them all.</numerusform>
            <numerusform>%n phone numbers are shared by several people (a family, say): each is imported as a member of their own, and looking the number up at the counter lists them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 人的手机号一栏里有多个号码或文字：第一个手机号作为手机号，原文写入备注。</source>
        <translation>
            <numerusform>%n person has several numbers or words in the phone column: the first valid phone number is taken, and the original text goes into the notes.</numerusform>
            <numerusform>%n people have several numbers or words in the phone column: the first valid phone number is taken, and the original text goes into the notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 人的病史记为“待与会员确认”：只有药师和店长能看到，不会随会员资料导出；会员当面确认并同意后再写入健康档案。</source>
        <translation>
            <numerusform>The medical history of %n person is recorded as to be confirmed with the member: only pharmacists and the owner see it, it is not exported with member details, and it goes into the health file once the member confirms it in person and agrees.</numerusform>
            <numerusform>The medical history of %n people is recorded as to be confirmed with the member: only pharmacists and the owner see it, it is not exported with member details, and it goes into the health file once the member confirms it in person and agrees.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{sheet}”第{row}行</source>
        <translation>row {row} of “{sheet}”</translation>
    </message>
    <message>
        <source>卡号 {card_no} 在{where}已用于{name}，同一张卡不能给两个人。</source>
        <translation>Card number {card_no} is already used for {name} in {where}; one card cannot be given to two people.</translation>
    </message>
    <message>
        <source>卡号 {card_no} 已属于会员{name}（手机 {phone}），请核对卡号。</source>
        <translation>Card number {card_no} already belongs to the member {name} (phone {phone}); please check the card number.</translation>
    </message>
    <message>
        <source>已发放 {done} / {total} 张</source>
        <translation>{done} of {total} issued</translation>
    </message>
    <message>
        <source>正在读取已结账月份……</source>
        <translation>Reading the closed months…</translation>
    </message>
    <message>
        <source>正在统计各月指标……</source>
        <translation>Counting each month&apos;s figures…</translation>
    </message>
    <message>
        <source>正在计算 RFM 分群……</source>
        <translation>Working out the RFM segments…</translation>
    </message>
    <message>
        <source>正在统计类别与会员结构……</source>
        <translation>Counting categories and members…</translation>
    </message>
    <message>
        <source>正在统计店员业绩……</source>
        <translation>Counting staff credit…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已写出 {rows} 行……</source>
        <translation>{rows} rows written…</translation>
    </message>
    <message>
        <source>{month}月{day}日</source>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <source>{since} 入会后从未消费</source>
        <translation>Joined on {since} and has never bought</translation>
    </message>
    <message>
        <source>{day}生日（{when}），满{age}岁</source>
        <translation>Birthday on {day} ({when}), turning {age}</translation>
    </message>
    <message>
        <source>{bought} 购买的{what}预计 {run_out} 用完（{when}）</source>
        <translation>{what} bought on {bought} runs out about {run_out} ({when})</translation>
    </message>
    <message numerus="yes">
        <source>%n天后</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>最后消费 {since}，已%n天未到店</source>
        <translation>
            <numerusform>Last bought on {since}; not in for %n day</numerusform>
            <numerusform>Last bought on {since}; not in for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n积分将于 {since} 起陆续到期</source>
        <translation>
            <numerusform>%n point expires from {since}</numerusform>
            <numerusform>%n points expire from {since}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n张券未使用，面值合计{amount}元，最早 {until} 到期</source>
        <translation>
            <numerusform>%n coupon unused, worth ¥{amount}; it expires on {until}</numerusform>
            <numerusform>%n coupons unused, worth ¥{amount} in all; the first expires on {until}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n张券未使用，最早 {until} 到期</source>
        <translation>
            <numerusform>%n coupon unused; it expires on {until}</numerusform>
            <numerusform>%n coupons unused; the first expires on {until}</numerusform>
        </translation>
    </message>
    <message>
        <source>资料上次确认于 {confirmed}，请核对手机号、生日和地址</source>
        <translation>Details last checked on {confirmed}: please check the phone, birthday and address</translation>
    </message>
    <message>
        <source>资料从未确认，请核对手机号、生日和地址</source>
        <translation>Details never checked: please check the phone, birthday and address</translation>
    </message>
    <message>
        <source>{klass}类会员（第{rank}名），近12个月消费 {amount} 元</source>
        <translation>Class {klass} member (rank {rank}), ¥{amount} spent in the last 12 months</translation>
    </message>
    <message>
        <source>{on} 月度复核由{before}调整为{after}（仍享：{privileges}）</source>
        <translation>Moved from {before} to {after} by the monthly review on {on} (still has: {privileges})</translation>
    </message>
    <message>
        <source>{on} 月度复核由{before}调整为{after}</source>
        <translation>Moved from {before} to {after} by the monthly review on {on}</translation>
    </message>
    <message>
        <source>第{letters}列</source>
        <translation>column {letters}</translation>
    </message>
    <message>
        <source>问题原因</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Kind of problem</translation>
    </message>
    <message>
        <source>原行号</source>
        <translation>Row in the list</translation>
    </message>
    <message>
        <source>问题汇总</source>
        <translation>Problem summary</translation>
    </message>
    <message>
        <source>没有问题</source>
        <translation>No problems</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>例如</source>
        <translation>For example</translation>
    </message>
    <message>
        <source>列{number}</source>
        <translation>Column {number}</translation>
    </message>
    <message>
        <source>{sheet}第{row}行</source>
        <translation>{sheet} row {row}</translation>
    </message>
    <message>
        <source>{rows}……</source>
        <translation>{rows} …</translation>
    </message>
    <message>
        <source>{day} 还没有到，不能日结。</source>
        <translation>{day} has not come yet: there is no day end for it.</translation>
    </message>
    <message>
        <source>会员消费统计</source>
        <translation>members&apos; running sales figures</translation>
    </message>
    <message>
        <source>会员人数统计</source>
        <translation>member counts</translation>
    </message>
    <message>
        <source>正在重建索引 {name}</source>
        <translation>Rebuilding the index {name}</translation>
    </message>
    <message>
        <source>正在重算{figure}</source>
        <translation>Recounting the {figure}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>抱歉，程序出错了，这次操作没有完成，其他数据不受影响，可以继续使用。详细情况已记录到日志文件：{log}。若反复出现，请把这个文件交给维护人员。</source>
        <translation>Sorry, something went wrong: this action was not completed. Nothing else is affected and you can carry on. The details are in the log file {log}. If it happens again, please give that file to whoever maintains the program.</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not finish</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>请先登录（输入姓名和 PIN 或密码）。</source>
        <translation>Please sign in first (your name and PIN or password).</translation>
    </message>
</context>
</TS>
