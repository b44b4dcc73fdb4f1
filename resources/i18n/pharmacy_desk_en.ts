<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>Columns</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>专属店员</source>
        <translation>Own staff</translation>
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
        <source>类型</source>
        <translation>Kind</translation>
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
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出{table} {count} 行到
{path}</source>
        <translation>Exported {count} rows of {table} to
{path}</translation>
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
    <message>
        <source>共 {count} 位会员{more}。双击一行或点“标记已联系”登记回访结果，已联系的会员不会出现在明天的名单里。</source>
        <translation>{count} members{more}. Double-click a row or press “Mark as contacted” to record the call; members contacted today are not on tomorrow’s list.</translation>
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
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {count} 位会员到 {path}</source>
        <translation>Exported {count} members to {path}</translation>
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
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&#x3000;&lt;b style=&apos;color:#b00020&apos;&gt;过敏：{allergies}&lt;/b&gt;</source>
        <translation>  &lt;b style=&apos;color:#b00020&apos;&gt;Allergies: {allergies}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;{tier}&#x3000;卡号 {card}&#x3000;手机 {phone}&#x3000;可用积分 {points}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;  {tier}  card {card}  mobile {phone}  usable points {points}</translation>
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
</context>
</TS>
