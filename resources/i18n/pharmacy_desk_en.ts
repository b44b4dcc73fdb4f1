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
        <translation>Daily housekeeping done: {expired} points expired; tier review moved {downgraded} members down, {upgraded} up.</translation>
    </message>
    <message>
        <source>每日整理</source>
        <translation>Daily housekeeping</translation>
    </message>
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
        <translation>Redemption catalog</translation>
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
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
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
    <message>
        <source>{balance} 分（可用 {usable} 分）</source>
        <translation>{balance} points ({usable} usable)</translation>
    </message>
    <message>
        <source>{points} 分将在 {days} 天内到期</source>
        <translation>{points} points expire within {days} days</translation>
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
        <source> 分</source>
        <translation> points</translation>
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
    <message>
        <source>已调整 {points} 分，现有 {balance} 分。</source>
        <translation>Adjusted by {points} points; the balance is now {balance}.</translation>
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
        <translation>The catalog has no gifts or services yet: once the owner adds some they can be redeemed.</translation>
    </message>
    <message>
        <source>请先在目录中选择礼品或服务。</source>
        <translation>Choose a gift or service in the catalog first.</translation>
    </message>
    <message>
        <source>兑换 {item} × {quantity}：扣 {points} 积分，积分 {before} → {after}。确认请再按回车。</source>
        <translation>Redeem {item} × {quantity}: {points} points off, points {before} → {after}. Press Enter again to confirm.</translation>
    </message>
    <message>
        <source>确认兑换 (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>已兑换 {item} × {quantity}，扣 {points} 积分，余额 {balance}。凭条已显示在小票区。</source>
        <translation>Redeemed {item} × {quantity}: {points} points off, balance {balance}. The slip is in the receipt pane.</translation>
    </message>
    <message>
        <source>已兑换</source>
        <translation>Redeemed</translation>
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
    <message>
        <source>退回抵现积分 {points}</source>
        <translation>{points} points used as cash given back</translation>
    </message>
    <message>
        <source>扣回所得积分 {points}</source>
        <translation>{points} points earned taken back</translation>
    </message>
    <message>
        <source>积分不足未能扣回 {points}</source>
        <translation>{points} points could not be taken back (balance too low)</translation>
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
        <source>退货原因</source>
        <translation>Reason</translation>
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
    <name>SaleEntry</name>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
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
    <message>
        <source>{points} 分抵 {amount} 元</source>
        <translation>{points} points for ¥{amount}</translation>
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
    <message>
        <source>找到 {count} 位会员：↑↓ 选择，回车确认</source>
        <translation>{count} members found: ↑↓ to choose, Enter to open</translation>
    </message>
    <message>
        <source>手机号 {phone} 还不是会员。</source>
        <translation>Phone {phone} is not a member yet.</translation>
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
        <translation>Add catalog item</translation>
    </message>
    <message>
        <source>修改兑换品</source>
        <translation>Change catalog item</translation>
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
        <source>交班</source>
        <translation>Shift close</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day end</translation>
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
        <translation>Manage the catalog</translation>
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
        <translation>in cash</translation>
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
