<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="106"/>
        <source>About ContractDesk</source>
        <translation>关于合同台账</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="108"/>
        <source>ContractDesk {0}</source>
        <translation>合同台账 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="111"/>
        <source>A register of procurement contracts for public bodies.</source>
        <translation>面向公共机构的采购合同登记台账。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="118"/>
        <source>Store:</source>
        <translation>数据文件：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="118"/>
        <source>Logs:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="118"/>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="121"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="143"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="143"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="143"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="146"/>
        <source>Bundled components</source>
        <translation>随附组件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="151"/>
        <source>Qt and PySide6 are used under the GNU Lesser General Public License v3: they are shipped as separate libraries in the installation folder and may be replaced by compatible builds. Their source code is available at {0}. The licence texts are in the installation folder: {1} (Qt, PySide6, Python) and next to each other component.</source>
        <translation>Qt 和 PySide6 依据 GNU 宽通用公共许可证第 3 版（LGPL v3）使用：它们以独立的库文件随程序安装在安装目录中，可替换为兼容的版本。其源代码可从 {0} 获取。许可证全文位于安装目录中：{1}（Qt、PySide6、Python），其他组件的许可证位于各组件旁。</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="45"/>
        <source>Mark done: {0}</source>
        <translation>标记完成：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="46"/>
        <source>Mark not done: {0}</source>
        <translation>标记未完成：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="76"/>
        <source>How dates are counted: working days follow the official calendar of the PRC — public holidays and make-up working days (调休). The day of the event is not counted: the first working day after it is day 1, so “within 15 working days of signing” ends on the 15th working day after the signing day. A period in days or months that ends on a weekend or holiday ends on the next working day (Civil Code art. 203); 31 January + 1 month is the last day of February. For a year whose official schedule is not known yet (2027 at the time of writing) the dates are estimates from weekends and the statutory holidays (春节, 清明, 端午, 中秋 …); an estimate cannot place the make-up working days (调休). Enter that year&apos;s schedule under Settings → Working-day schedule… to make them firm.</source>
        <translation>日期计算方法：工作日按国务院公布的全国节假日安排计算，含法定节假日和调休上班日。事件当日不计入，事件后的第一个工作日为第 1 日，例如“签订后 15 个工作日内”截止于签订日后的第 15 个工作日。按日或按月计算的期限，最后一日为周末或节假日的，以其后第一个工作日为最后一日（《民法典》第二百零三条）；1 月 31 日加 1 个月为 2 月最后一日。尚未公布节假日安排的年份（撰写时为 2027 年），按周末和法定节假日（春节、清明、端午、中秋等）估算，无法确定调休上班日。请在“设置 → 工作日安排…”中录入该年安排，估算日期即转为确定日期。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="102"/>
        <source>Overdue and next 30 days</source>
        <translation>已逾期及未来 30 日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="102"/>
        <source>Next 30 days</source>
        <translation>未来 30 日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="102"/>
        <source>Next 90 days</source>
        <translation>未来 90 日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="103"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="103"/>
        <source>Waiting for an event</source>
        <translation>待起算（等待事件）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="103"/>
        <source>All, done in the past year included</source>
        <translation>全部（含近一年已完成）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="109"/>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="113"/>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="118"/>
        <source>Any responsible party</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="123"/>
        <source>Each occurrence</source>
        <translation>逐次显示</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="125"/>
        <source>List every occurrence of a routine series (daily, weekly, monthly) instead of one row per series</source>
        <translation>逐次列出例行事项（每日、每周、每月）的每一次，而不是每个系列一行</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="149"/>
        <source>Mark done / done through…</source>
        <translation>标记完成 / 完成至…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="175"/>
        <source>Mark done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="151"/>
        <location filename="../../ui/calendar/agenda_view.py" line="177"/>
        <source>Record event…</source>
        <translation>登记事件…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="155"/>
        <location filename="../../ui/calendar/agenda_view.py" line="159"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="157"/>
        <location filename="../../ui/calendar/agenda_view.py" line="159"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="172"/>
        <source>Open contract</source>
        <translation>打开合同</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="259"/>
        <source>{0} shown · {1} overdue · {2} due within 7 days</source>
        <translation>显示 {0} 项 · 已逾期 {1} 项 · 7 日内到期 {2} 项</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="279"/>
        <source>Marking done…</source>
        <translation>正在标记完成…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="290"/>
        <source>Mark done through</source>
        <translation>标记完成至</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="291"/>
        <source>Every occurrence up to this date is done:</source>
        <translation>截至该日（含）的每一次均已完成：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="276"/>
        <location filename="../../ui/calendar/agenda_view.py" line="295"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/agenda_view.py" line="295"/>
        <source>Done on (the actual date):</source>
        <translation>完成日期（实际日期）：</translation>
    </message>
</context>
<context>
    <name>AmendmentsModel</name>
    <message>
        <location filename="../../ui/amendments/models.py" line="61"/>
        <source>Amendment No.</source>
        <translation>补充协议编号</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="61"/>
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="61"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="61"/>
        <source>Changes</source>
        <translation>变更项数</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="62"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="69"/>
        <source>In force</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="69"/>
        <source>Pending, effective {0}</source>
        <translation>待生效，{0} 起生效</translation>
    </message>
</context>
<context>
    <name>AmendmentsPanel</name>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="67"/>
        <source>{0} (effective {1})</source>
        <translation>{0}（{1} 起生效）</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="73"/>
        <source>Pending: {0}. The editor&apos;s tabs, the contract list, the agenda, the calendar and the payments overview show the terms in force today; the amended terms apply from the effective date (set “Terms in force on” below to see them). Save keeps the pending amendment.</source>
        <translation>待生效：{0}。编辑器各页签、合同列表、日程、日历和付款总览均按今日有效的条款显示；变更后的条款自生效日期起适用（可在下方“查看以下日期有效的条款”中查看）。保存不影响待生效的补充协议。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="85"/>
        <source>New amendment…</source>
        <translation>新建补充协议…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="87"/>
        <source>Edit the contract in the other tabs; Save then records the edits as this amendment instead of overwriting the contract</source>
        <translation>在其他页签中修改合同；保存时将修改记录为本补充协议，而不覆盖原合同</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="90"/>
        <source>Print amendment…</source>
        <translation>打印补充协议…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="101"/>
        <source>e.g. {0}-补1</source>
        <translation>例如 {0}-补1</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="108"/>
        <source>Amendment No.</source>
        <translation>补充协议编号</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="109"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="110"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="111"/>
        <source>Text</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="113"/>
        <source>Recording an amendment: edit the contract in the other tabs, then Save records the edits as this amendment&apos;s changes.</source>
        <translation>正在录入补充协议：请在其他页签中修改合同，保存时这些修改将记录为本补充协议的变更事项。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="116"/>
        <source>Cancel amendment</source>
        <translation>取消补充协议</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="130"/>
        <source>Compare: what the selected amendment changed (old → new)</source>
        <translation>对照：所选补充协议的变更（原约定 → 现变更为）</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="140"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="140"/>
        <source>What</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="140"/>
        <source>On that day</source>
        <translation>当日条款</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="140"/>
        <source>Today</source>
        <translation>现行条款</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="146"/>
        <source>Terms in force on</source>
        <translation>查看以下日期有效的条款：</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="174"/>
        <source>Amendments</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="183"/>
        <location filename="../../ui/amendments/editor_tabs.py" line="58"/>
        <source>Reading the amendments…</source>
        <translation>正在读取补充协议…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="236"/>
        <source>No amendments: the contract as signed.</source>
        <translation>无补充协议：即原合同。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="238"/>
        <source>The contract as signed (before any amendment took effect).</source>
        <translation>原合同（补充协议均尚未生效）。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="239"/>
        <source>As amended by {0}.</source>
        <translation>经补充协议 {0} 变更后的合同。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="241"/>
        <source>{0} field(s) differ from today&apos;s terms:</source>
        <translation>有 {0} 项与现行条款不同：</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="253"/>
        <source>Contract {0} — new amendment</source>
        <translation>合同 {0} — 新建补充协议</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="275"/>
        <source>The amendment needs its number (Amendments tab).</source>
        <translation>请填写补充协议编号（补充协议页签）。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="279"/>
        <source>Nothing was changed: edit the contract in the other tabs first.</source>
        <translation>没有任何变更：请先在其他页签中修改合同。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="307"/>
        <source>Recording the amendment…</source>
        <translation>正在记录补充协议…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="326"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="330"/>
        <source>Printing the amendment…</source>
        <translation>正在打印补充协议…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/amendments_tab.py" line="331"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/editor_tabs.py" line="51"/>
        <source>{0} pending, from {1}</source>
        <translation>{0} 待生效（{1} 起）</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../ui/amendments/models.py" line="115"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="115"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="115"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="115"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="115"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="59"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="61"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="63"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="65"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="69"/>
        <source>Kind of new files:</source>
        <translation>新文件类型：</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="72"/>
        <source>Undo remove</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="80"/>
        <source>Drag files here or use Add file… — each file up to 200 MB; the same file is stored once.</source>
        <translation>可将文件拖到此处，或点击“添加文件…”。每个文件不超过 200 MB；相同文件只保存一份。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="92"/>
        <location filename="../../ui/amendments/attachments_tab.py" line="154"/>
        <location filename="../../ui/amendments/attachments_tab.py" line="205"/>
        <location filename="../../ui/amendments/attachments_tab.py" line="254"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="101"/>
        <source>Reading the attachments…</source>
        <translation>正在读取附件…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="125"/>
        <source>Add files to the contract</source>
        <translation>为合同添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="145"/>
        <source>{0}: this contract already keeps the same file; not added again</source>
        <translation>{0}：本合同已有相同文件，未重复添加</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="148"/>
        <source>{0}: the store already held the same file; it is stored once</source>
        <translation>{0}：台账中已有相同文件，只保存一份</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="149"/>
        <source>Added {0} file(s).</source>
        <translation>已添加 {0} 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="158"/>
        <source>Adding files…</source>
        <translation>正在添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="193"/>
        <source>Save the file as</source>
        <translation>文件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="205"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="215"/>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="217"/>
        <source>Remove “{0}” ({1}, {2}) from this contract? It goes to the Trash, where you can restore it.</source>
        <translation>从本合同中移除“{0}”（{1}，{2}）吗？文件将移至回收站，可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="231"/>
        <source>Moved “{0}” to the Trash. Undo remove puts it back; later, the Trash window does.</source>
        <translation>已将“{0}”移至回收站。可点“撤销移除”恢复；之后也可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="229"/>
        <source>Put “{0}” back</source>
        <translation>恢复“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="248"/>
        <source>“{0}” is back.</source>
        <translation>“{0}”已恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="256"/>
        <source>Restoring the file…</source>
        <translation>正在恢复文件…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/attachments_tab.py" line="233"/>
        <source>Removing the file…</source>
        <translation>正在移除文件…</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../ui/tasks.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../ui/register/backups_view.py" line="169"/>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="170"/>
        <source>The register ({0} contract(s)) was backed up to
{1}
({2}).</source>
        <translation>台账（{0} 份合同）已备份到
{1}
（{2}）。</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="173"/>
        <source>Backing up the register…</source>
        <translation>正在备份台账…</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="173"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="187"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="188"/>
        <location filename="../../ui/register/backups_view.py" line="197"/>
        <location filename="../../ui/register/backups_view.py" line="214"/>
        <location filename="../../ui/register/backups_view.py" line="226"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="195"/>
        <source>Replace the whole register with the backup of {0} ({1} contract(s))?

The register as it is now is backed up first; what was entered or changed since {0} will be only in that safety backup.

{2}</source>
        <translation>用 {0} 的备份（{1} 份合同）替换整个台账？

恢复前会先备份当前台账；{0} 之后录入或修改的内容将只保存在那份安全备份中。

{2}</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="219"/>
        <source>The register as it was before is kept in the safety backup
{0}</source>
        <translation>恢复前的台账已保存在安全备份
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="220"/>
        <source>There was no register to back up first.</source>
        <translation>恢复前没有可备份的台账。</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="221"/>
        <source>Register restored</source>
        <translation>台账已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="222"/>
        <source>The register was restored from the backup of {0} ({1} contract(s)).</source>
        <translation>台账已从 {0} 的备份（{1} 份合同）恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="225"/>
        <source>Restoring the register…</source>
        <translation>正在恢复台账…</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../../ui/register/backups_view.py" line="98"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="100"/>
        <source>Automatic, daily</source>
        <translation>自动（每日）</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="102"/>
        <source>Automatic, before a restore</source>
        <translation>自动（恢复操作前）</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="103"/>
        <source>Automatic, before an import</source>
        <translation>自动（导入操作前）</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="104"/>
        <source>Automatic, before a permanent delete</source>
        <translation>自动（永久删除操作前）</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="106"/>
        <source>Automatic, before a change</source>
        <translation>自动（操作前）</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="117"/>
        <source>Taken on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="117"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="117"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="117"/>
        <source>Contracts</source>
        <translation>合同数</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="117"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="127"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>BondTable</name>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="88"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="89"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="91"/>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="92"/>
        <source>Percent</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="93"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="95"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="96"/>
        <source>Lodged on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="97"/>
        <source>Returned after</source>
        <translation>退还起算事件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="98"/>
        <source>Return within</source>
        <translation>退还期限</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="99"/>
        <source>Return unit</source>
        <translation>退还期限单位</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="100"/>
        <source>Return condition</source>
        <translation>退还条件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="101"/>
        <source>Returned on</source>
        <translation>退还日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="102"/>
        <source>Refund conditions</source>
        <translation>退还条件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="116"/>
        <source>Bonds</source>
        <translation>保证金</translation>
    </message>
</context>
<context>
    <name>CalendarFeature</name>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="85"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="86"/>
        <source>Agenda</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="54"/>
        <source>&amp;Calendar</source>
        <translation>日历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="55"/>
        <source>A&amp;genda</source>
        <translation>待办(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="56"/>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>导出日历(.ics)(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="57"/>
        <source>&amp;Working-day schedule…</source>
        <translation>工作日安排(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="58"/>
        <source>&amp;Reminder days…</source>
        <translation>提前提醒天数(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="64"/>
        <source>Open the agenda</source>
        <translation>打开待办</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="149"/>
        <source>{0} overdue, {1} due within 7 days</source>
        <translation>已逾期 {0} 项，7 日内到期 {1} 项</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="151"/>
        <source>open the agenda</source>
        <translation>打开待办</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="206"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="210"/>
        <source>Writing the calendar…</source>
        <translation>正在写入日历…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="212"/>
        <source>{0} deadline(s) written to {1}, each with a reminder {2} day(s) before</source>
        <translation>已将 {0} 个期限写入 {1}，每项提前 {2} 日提醒</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="228"/>
        <source>Reminder days</source>
        <translation>提前提醒天数</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_feature.py" line="230"/>
        <source>Remind this many days before each deadline (calendar alarms) and before the end of a contract&apos;s term (renewal):</source>
        <translation>在每个期限前（日历提醒）和合同服务期满前（续约提醒）提前的天数：</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="142"/>
        <source>Go to the oldest</source>
        <translation>转到最早一项</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="164"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="164"/>
        <source>upcoming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="164"/>
        <source>due within 7 days</source>
        <translation>7 日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="165"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="165"/>
        <source>waiting</source>
        <translation>待起算</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="166"/>
        <source>estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="169"/>
        <source>休 holiday · 班 make-up working day · 估 estimated holiday</source>
        <translation>休 节假日 · 班 调休上班 · 估 估算的节假日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="193"/>
        <source>⚠ {0} overdue, the oldest due on {1}</source>
        <translation>⚠ 已逾期 {0} 项，最早一项到期日为 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_view.py" line="229"/>
        <source>{0}: {1} deadline(s)</source>
        <translation>{0}：{1} 个期限</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../ui/amendments/models.py" line="101"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="101"/>
        <source>What</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="101"/>
        <source>Old</source>
        <translation>原约定</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/models.py" line="101"/>
        <source>New</source>
        <translation>现变更为</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="89"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="89"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="102"/>
        <location filename="../../ui/editor/checks_panel.py" line="248"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="103"/>
        <location filename="../../ui/editor/checks_panel.py" line="249"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="162"/>
        <source>Checks: {0} error(s), {1} warning(s) — click one to go to the field</source>
        <translation>核对：{0} 个错误，{1} 个警告 — 点击一项可转到相应字段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checks_panel.py" line="165"/>
        <source>Checks: no problems found</source>
        <translation>核对：未发现问题</translation>
    </message>
</context>
<context>
    <name>ContractConflict</name>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="69"/>
        <source>Contract deleted</source>
        <extracomment>Changes listed in the conflict message at most (the rest: Show differences, or the History).</extracomment>
        <translation>合同已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="70"/>
        <source>Save as a new contract</source>
        <translation>另存为新合同</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="80"/>
        <source>What was changed:</source>
        <translation>已被修改的内容：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="84"/>
        <source>Changed since you opened it</source>
        <translation>打开后已被修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="85"/>
        <source>Show differences</source>
        <translation>查看差异</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="86"/>
        <source>Save as a copy</source>
        <translation>另存为副本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="87"/>
        <source>Reload (drop my changes)</source>
        <translation>重新载入（放弃我的修改）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="94"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="95"/>
        <source>The register&apos;s version → yours:</source>
        <translation>台账中的版本 → 您的版本：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflicts.py" line="94"/>
        <source>(no difference in the contract&apos;s fields)</source>
        <translation>（合同各字段没有差异）</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="135"/>
        <source>Contract {0}</source>
        <extracomment>Amendments signed but not yet in force today, taken back to show the terms in force today (issue 16); Save applies them again on top of the edits (services.amendments.editing).</extracomment>
        <translation>合同 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="136"/>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="146"/>
        <source>Repeats…</source>
        <translation>重复规则…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="152"/>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="153"/>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="154"/>
        <source>Line items</source>
        <translation>服务明细</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="155"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="156"/>
        <source>Milestones</source>
        <translation>履约事项</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="157"/>
        <source>Bonds</source>
        <translation>保证金</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="158"/>
        <source>Articles</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="159"/>
        <source>Penalty clauses</source>
        <translation>违约条款</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="165"/>
        <source>Payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="168"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="189"/>
        <source>Liquidated damages…</source>
        <translation>违约金计算…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="192"/>
        <source>Record event…</source>
        <translation>登记事件…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="194"/>
        <source>Record the date of an event deadlines count from (acceptance, invoice received, budget approved …); saved at once</source>
        <translation>登记期限起算事件的日期（验收合格、收到发票、预算批复等），立即保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="220"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="222"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="224"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="235"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="235"/>
        <location filename="../../ui/editor/contract_editor.py" line="257"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="236"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="237"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="238"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="238"/>
        <source>Signatory title</source>
        <translation>签字人职务</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="239"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="239"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="240"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="240"/>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="241"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="241"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="242"/>
        <source>Share (元)</source>
        <translation>分摊金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="243"/>
        <source>Consortium lead</source>
        <translation>联合体牵头人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="244"/>
        <source>Other signatories</source>
        <translation>其他签字人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="257"/>
        <location filename="../../ui/editor/contract_editor.py" line="276"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="258"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="258"/>
        <source>Percent</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="259"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="260"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="267"/>
        <source>Counted from</source>
        <translation>起算事件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="268"/>
        <source>Within</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="269"/>
        <source>Unit</source>
        <translation>期限单位</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="270"/>
        <source>Condition</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="262"/>
        <source>Paid on</source>
        <translation>实付日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="263"/>
        <source>Recorded in Payments: the date the payments reached the installment&apos;s amount</source>
        <translation>在“付款记录”中登记：各笔付款累计达到本期金额的日期（此处不可修改）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="264"/>
        <source>Paid (元)</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="265"/>
        <source>Recorded in Payments: the sum of the payments of this installment</source>
        <translation>在“付款记录”中登记：本期各笔付款的合计（此处不可修改）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="276"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="277"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="291"/>
        <source>Line items: {0}</source>
        <translation>服务明细：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="294"/>
        <source>Parties: a contract has two to five parties (甲方 … 戊方)</source>
        <translation>当事方：合同应有二至五个当事方（甲方…戊方）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="297"/>
        <source>Parties: each role (甲方 … 戊方) may appear only once</source>
        <translation>当事方：每个角色（甲方…戊方）只能出现一次</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="299"/>
        <source>Parties: every party needs a name</source>
        <translation>当事方：每个当事方都须填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="329"/>
        <location filename="../../ui/editor/contract_editor.py" line="362"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="350"/>
        <source>This contract was changed elsewhere after you opened it (or moved to the Trash). Reload shows the register&apos;s version; saving asks what to do with yours.</source>
        <translation>打开本合同后，它已在别处被修改（或移至回收站）。“重新载入”显示台账中的版本；保存时会询问如何处理您的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="351"/>
        <source>This contract was deleted after you opened it. Saving offers to save it as a new contract.</source>
        <translation>打开本合同后，它已被删除。保存时可另存为新合同。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="362"/>
        <source>Drop your changes and show the register&apos;s version?</source>
        <translation>放弃您的修改并显示台账中的版本？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="375"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="376"/>
        <source>Contract {0} has changes that are not saved. Save them?</source>
        <translation>合同 {0} 有尚未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="377"/>
        <source>(new)</source>
        <translation>（新合同）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="398"/>
        <source>The contract cannot be saved yet:</source>
        <translation>合同暂不能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="402"/>
        <location filename="../../ui/editor/contract_editor.py" line="405"/>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="403"/>
        <source>The checks found {0} error(s) in this contract:</source>
        <translation>核对发现本合同有 {0} 处错误：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="431"/>
        <source>Saved as a new contract</source>
        <translation>已另存为新合同</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="432"/>
        <source>Your version was saved as contract {0}.</source>
        <translation>您的版本已保存为合同 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="456"/>
        <source>Saving the contract…</source>
        <translation>正在保存合同…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="123"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
</context>
<context>
    <name>ContractHistoryPanel</name>
    <message>
        <location filename="../../ui/register/history_view.py" line="392"/>
        <source>The history of a contract starts when it is first saved.</source>
        <translation>合同首次保存后开始记录历史。</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="394"/>
        <source>{0} entries · read-only: the history cannot be edited.</source>
        <translation>共 {0} 条 · 只读：历史记录不可修改。</translation>
    </message>
</context>
<context>
    <name>ContractListModel</name>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="90"/>
        <source>Terms in force today. Amendment {0} takes effect on {1}: its terms apply from that day (Amendments tab).</source>
        <extracomment>Cached blocks kept at most; beyond that the cache starts afresh (bounds memory when the user drags the scroll bar through 100,000 rows). The roles ``data`` answers, by their int values: a dict lookup instead of a comparison with each Qt enum member (~0.8 µs each; 40 painted rows ask ~2,000 times, ~10 ms on the busy 2-core VM).</extracomment>
        <translation>显示今日有效的条款。补充协议 {0} 于 {1} 起生效，其变更自该日起适用（见“补充协议”页签）。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="93"/>
        <source>Signed copy kept (Attachments)</source>
        <translation>已存签字盖章版（附件）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="51"/>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="51"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="52"/>
        <source>Counterparty</source>
        <translation>相对方</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="52"/>
        <source>Total</source>
        <translation>合同总额</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="53"/>
        <source>Term</source>
        <translation>服务期限</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="54"/>
        <source>Next due</source>
        <translation>最近到期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="61"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="62"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="63"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="64"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_rows.py" line="77"/>
        <source> · amendment from {0}</source>
        <extracomment>The contract id of a row (int). The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None. Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows. Rows read first after a search or refresh: a tall screenful (the window at 1200×720 shows ~25).</extracomment>
        <translation> · 补充协议 {0} 起生效</translation>
    </message>
</context>
<context>
    <name>ContractListView</name>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="46"/>
        <source>Search number, title or party (Ctrl+F)</source>
        <extracomment>Typing pauses shorter than this (ms) do not re-run the search: one query per burst.</extracomment>
        <translation>搜索合同编号、名称或当事方（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="49"/>
        <source>Only contracts with problems</source>
        <translation>仅显示有问题的合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="50"/>
        <source>Contracts whose checks (核对) found errors or warnings</source>
        <translation>核对发现错误或警告的合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="52"/>
        <source>No signed copy yet</source>
        <translation>尚无签字盖章版</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="53"/>
        <source>Contracts without a signed and sealed copy among their attachments</source>
        <translation>附件中还没有签字盖章版的合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="138"/>
        <source>1 contract</source>
        <translation>1 份合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/list_view.py" line="140"/>
        <location filename="../../ui/contracts/list_view.py" line="144"/>
        <source>{count} contracts</source>
        <translation>{count} 份合同</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="176"/>
        <source>ContractDesk — unexpected error</source>
        <translation>合同台账 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="182"/>
        <source>ContractDesk met an unexpected error: {0}

The action was not completed; what was saved before is unchanged. The details were written to {1}. Please send them to your support contact.</source>
        <translation>合同台账遇到意外错误：{0}

本次操作未完成；此前已保存的内容未受影响。详细信息已写入 {1}。请将其发送给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="191"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="201"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DeadlineSource</name>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="108"/>
        <location filename="../../ui/calendar/deadline_models.py" line="118"/>
        <source>Computing the deadlines of every contract…</source>
        <extracomment>Colour of each state (calendar marks, agenda text): done grey, upcoming blue, due soon orange, overdue red, waiting purple, estimate teal. Deadlines done more than this many days ago are not loaded (a register of 100,000 contracts has hundreds of thousands of them). Which state wins when a day has several (the calendar cell&apos;s main colour). Without the items (the docks never shown): contract id → (overdue, due within 7 days).</extracomment>
        <translation>正在计算所有合同的期限…</translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="249"/>
        <source>{0} open, {1} overdue</source>
        <translation>未完成 {0} 次，其中逾期 {1} 次</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="251"/>
        <source>done through {0}</source>
        <translation>已完成至 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="263"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="263"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="263"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="263"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="263"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="264"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="264"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="276"/>
        <source>moved from {0}, not a working day</source>
        <translation>{0} 非工作日，顺延</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="278"/>
        <source>estimated: that year&apos;s official schedule is not known yet</source>
        <translation>估算：该年节假日安排尚未公布</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="280"/>
        <source>done on {0}</source>
        <translation>{0} 完成</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="282"/>
        <source>also the milestone “{0}”</source>
        <translation>同履约事项“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/deadline_models.py" line="298"/>
        <source>waiting</source>
        <translation>待起算</translation>
    </message>
</context>
<context>
    <name>DialogService</name>
    <message>
        <location filename="../../ui/dialogs.py" line="28"/>
        <source>Import ledger: choose a .xlsx workbook, a .zip, or contracts.csv of a ledger folder</source>
        <translation>导入台账：选择 .xlsx 工作簿、.zip 压缩包，或台账文件夹中的 contracts.csv</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="30"/>
        <source>Ledger (*.xlsx *.xls *.et *.zip *.csv);;All files (*)</source>
        <translation>台账 (*.xlsx *.xls *.et *.zip *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="38"/>
        <location filename="../../ui/dialogs.py" line="87"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="39"/>
        <source>Zip of CSV files (*.zip)</source>
        <translation>CSV 文件压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40"/>
        <source>Folder of CSV files (*)</source>
        <translation>CSV 文件夹 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="42"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58"/>
        <source>Export ledger to folder</source>
        <translation>导出台账文件到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="65"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="66"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="72"/>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="73"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="86"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>Back up the register</source>
        <translation>备份台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>ContractDesk backup (*.db)</source>
        <translation>合同台账备份 (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>Restore from backup: choose a backup file</source>
        <translation>从备份恢复：选择备份文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="104"/>
        <source>ContractDesk backup (*.db);;All files (*)</source>
        <translation>合同台账备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122"/>
        <source>Import working-day schedule</source>
        <translation>导入工作日安排</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="124"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>Export working-day schedule</source>
        <translation>导出工作日安排</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80"/>
        <location filename="../../ui/dialogs.py" line="132"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FiguresList</name>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="35"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="36"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="37"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="38"/>
        <source>Installment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="39"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="40"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="41"/>
        <source>Paid (元)</source>
        <translation>已付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="42"/>
        <source>Outstanding (元)</source>
        <translation>未付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="43"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="53"/>
        <source>Double-click an installment to open its contract.</source>
        <translation>双击一期款项，打开其合同。</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="71"/>
        <source>Reading the installments…</source>
        <translation>正在读取分期付款…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="78"/>
        <source>The first {0} installments are shown.</source>
        <translation>仅显示前 {0} 期款项。</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_list.py" line="79"/>
        <source>{0} installment(s)</source>
        <translation>{0} 期款项</translation>
    </message>
</context>
<context>
    <name>GlossaryFill</name>
    <message>
        <location filename="../../ui/editor/glossary_fill.py" line="46"/>
        <source>Fill English names from glossary</source>
        <extracomment>Longest text an editor takes: ample for yuan amounts up to 10^15 with separators.</extracomment>
        <translation>按词汇表填写英文名称</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/editor/header_form.py" line="64"/>
        <source>(from the dates)</source>
        <translation>（按日期自动判断）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="64"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="64"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="65"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="66"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="77"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2025-10-16</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="94"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="106"/>
        <source>Contract No.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="106"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="107"/>
        <source>Title in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="108"/>
        <source>Procurement No.</source>
        <translation>采购编号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="108"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="109"/>
        <source>Signing date</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="109"/>
        <source>Place of signing</source>
        <translation>签订地点</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="110"/>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="110"/>
        <source>Start of term</source>
        <translation>服务开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="111"/>
        <source>End of term</source>
        <translation>服务结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="111"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="112"/>
        <source>Contract total (元, tax incl.)</source>
        <translation>合同总额（元，含税）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="113"/>
        <source>Total in capitals (大写金额)</source>
        <translation>大写金额</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="113"/>
        <source>Tax rate (%)</source>
        <translation>税率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="114"/>
        <source>Amount excl. tax (元)</source>
        <translation>不含税金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="139"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../ui/editor/header_form.py" line="144"/>
        <source>a 3-letter code such as CNY</source>
        <translation>应为 3 位字母代码，如 CNY</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/register/history_view.py" line="209"/>
        <location filename="../../ui/register/history_view.py" line="338"/>
        <location filename="../../ui/register/history_view.py" line="340"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="218"/>
        <source>Select an entry to see every field it changed.</source>
        <translation>选择一条记录，查看其改动的全部字段。</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="220"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="245"/>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="254"/>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="258"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="267"/>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="302"/>
        <source>No entries match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="305"/>
        <source>The newest {0} entries are shown; filter by contract or action to see older ones.</source>
        <translation>仅显示最近 {0} 条记录；按合同或操作筛选可查看更早的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="307"/>
        <source>{0} entries</source>
        <translation>共 {0} 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="338"/>
        <source>The CSV could not be written: {0}</source>
        <translation>无法写入 CSV 文件：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="341"/>
        <source>{0} history entries written to {1}</source>
        <translation>已将 {0} 条历史记录导出到 {1}</translation>
    </message>
</context>
<context>
    <name>HistoryReloading</name>
    <message>
        <location filename="../../ui/register/history_view.py" line="194"/>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/register/history_view.py" line="112"/>
        <source>When</source>
        <extracomment>The actions a filter offers: those the register writes (payment is reserved). Entries the History dialog loads at most without a contract filter (the newest ones). The ``HistoryRow`` of a row. What a column sorts by: the entry id for the time (entries are in the order written).</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="112"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="112"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="112"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="113"/>
        <source>What changed</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <location filename="../../ui/register/history_view.py" line="126"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>HolidayScheduleDialog</name>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="278"/>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="367"/>
        <source>Working-day schedule</source>
        <translation>工作日安排</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="293"/>
        <source>Enter the State Council&apos;s notice for a year the built-in calendar does not know yet (it knows 2004–2026): every public holiday, and every weekend day that is worked (调休, tick “Working day”). These days take precedence over the built-in calendar; dates of that year are then firm, no longer estimates. Import a CSV with the columns date, is_working_day, name (or 日期, 是否工作日, 名称).</source>
        <translation>内置日历尚未收录的年份（已收录 2004–2026 年），请按国务院办公厅的节假日安排通知录入：每个放假日，以及每个调休上班的周末（勾选“工作日”）。录入的日期优先于内置日历，该年的日期随即由估算转为确定。可导入含 date、is_working_day、name（或 日期、是否工作日、名称）列的 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="299"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="299"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="300"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="300"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="333"/>
        <source>Schedule rejected</source>
        <translation>工作日安排未导入</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="334"/>
        <source>Nothing was imported: the file has {0} problem(s).</source>
        <translation>未导入任何内容：文件有 {0} 处问题。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="348"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="370"/>
        <source>Saving the schedule…</source>
        <translation>正在保存工作日安排…</translation>
    </message>
</context>
<context>
    <name>HolidayTableModel</name>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="195"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="195"/>
        <source>Working day (调休)</source>
        <translation>工作日（调休）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="195"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="212"/>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="213"/>
        <source>holiday</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="259"/>
        <source>Row {0}: a date is needed</source>
        <translation>第 {0} 行：需要日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="261"/>
        <source>Row {0}: {1} is also on row {2}</source>
        <translation>第 {0} 行：{1} 与第 {2} 行重复</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="50"/>
        <source>Reading the ledger…</source>
        <translation>正在读取台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="60"/>
        <source>Update contracts?</source>
        <translation>更新合同？</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="62"/>
        <source>{0} contract(s) of this ledger are already in the register:
{1}

Update them from the ledger?</source>
        <translation>此台账文件中有 {0} 份合同已在合同台账中：
{1}

是否用台账文件更新这些合同？</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="70"/>
        <source>Importing contracts…</source>
        <translation>正在导入合同…</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="75"/>
        <source>{0} contract(s) added, {1} updated, {2} with problems.</source>
        <translation>新增 {0} 份合同，更新 {1} 份，其中 {2} 份有问题。</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="80"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="92"/>
        <source>Import cancelled; the register is unchanged.</source>
        <translation>已取消导入，合同台账未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="96"/>
        <location filename="../../ui/register/ledger_actions.py" line="101"/>
        <location filename="../../ui/register/ledger_actions.py" line="104"/>
        <source>Ledger rejected</source>
        <translation>台账文件未通过校验</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="97"/>
        <source>Nothing was imported: the ledger has {0} problem(s).</source>
        <translation>未导入任何合同：台账文件中有 {0} 处问题。</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="125"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="127"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="134"/>
        <source>Ledger written to {0}; the contracts&apos; attached files are in {1} beside it (keep the two together)</source>
        <translation>台账已写入 {0}；合同附件文件在其旁边的 {1} 中（请将二者放在一起）</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="136"/>
        <source>Ledger written to {0}</source>
        <translation>台账已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="138"/>
        <source>{0} files written to {1}</source>
        <translation>已将 {0} 个文件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="139"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/register/ledger_actions.py" line="141"/>
        <source>Exporting the register…</source>
        <translation>正在导出合同台账…</translation>
    </message>
</context>
<context>
    <name>LineItemsEditor</name>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="43"/>
        <source>Row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="44"/>
        <source>Row {row}: the line has no name</source>
        <translation>第 {row} 行：未填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="45"/>
        <source>Nothing was pasted:</source>
        <translation>未粘贴任何内容：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="46"/>
        <source>Nothing to paste: no table cells.</source>
        <translation>无可粘贴内容：剪贴板中没有表格单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="48"/>
        <source>… and %n more</source>
        <translation>……另有 %n 项</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="130"/>
        <source>Insert line</source>
        <extracomment>How many problems the status line lists before summing up the rest.</extracomment>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="133"/>
        <source>Insert an empty line above the selected line, or at the end (Ins)</source>
        <translation>在所选行上方插入空行；未选中行时插入到末尾（Ins）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="136"/>
        <source>Add line at end</source>
        <translation>末尾添加行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="139"/>
        <source>Append an empty line after the last one (Ctrl+Enter)</source>
        <translation>在最后一行之后添加空行（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="142"/>
        <source>Delete line(s)</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="145"/>
        <source>Delete the selected lines (Delete)</source>
        <translation>删除所选行（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="148"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="151"/>
        <source>Move the selected lines up (Alt+↑)</source>
        <translation>将所选行上移一行（Alt+↑）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="154"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="157"/>
        <source>Move the selected lines down (Alt+↓)</source>
        <translation>将所选行下移一行（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="160"/>
        <source>Paste lines</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="163"/>
        <source>Insert lines copied from Excel or WPS above the selected line, or at the end (Ctrl+V)</source>
        <translation>将从 Excel 或 WPS 复制的行插入到所选行上方；未选中行时插入到末尾（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="167"/>
        <source>Fill English names from glossary</source>
        <translation>按词汇表填写英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="168"/>
        <source>Fill each empty English name with the glossary&apos;s suggestion shown in grey (one Undo step)</source>
        <translation>用灰色显示的词汇表建议填写每个空白的英文名称（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="178"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="180"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="192"/>
        <source>Sum of the line amounts minus the contract total</source>
        <translation>明细合价之和减去合同总额</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/line_items_editor.py" line="290"/>
        <source>Delete %n line(s)?</source>
        <translation>
            <numerusform>确定删除 %n 行明细吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="357"/>
        <source>Delete lines</source>
        <translation>删除明细行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="418"/>
        <source>Lines: ¥{lines}</source>
        <translation>明细合计：¥{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="420"/>
        <source>Lines: ¥{lines} · excl. tax: ¥{excl} · tax ({rate}%): ¥{tax}</source>
        <translation>明细合计：¥{lines} · 不含税金额：¥{excl} · 税额（{rate}%）：¥{tax}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_editor.py" line="429"/>
        <source>Difference from contract total: ¥{difference}</source>
        <translation>与合同总额相差：¥{difference}</translation>
    </message>
</context>
<context>
    <name>LineItemsModel</name>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="34"/>
        <source>No.</source>
        <extracomment>LineItemData field shown in each column; &quot;computed_amount&quot; is the derived property.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="35"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="36"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="37"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="38"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="39"/>
        <source>Months</source>
        <translation>计费月数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="40"/>
        <source>Amount</source>
        <translation>合价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="41"/>
        <source>Computed</source>
        <translation>计算金额</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="42"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="43"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="46"/>
        <source>Line number, renumbered after every change</source>
        <translation>行号，每次修改后自动重新编号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="47"/>
        <source>Unit price in yuan, up to 4 decimals</source>
        <translation>单价（元），最多 4 位小数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="48"/>
        <source>Billing months; empty means one period</source>
        <translation>计费月数；为空表示按一期计</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="51"/>
        <source>Amount as the contract states it (yuan); empty means the computed amount counts</source>
        <translation>合同所列合价（元）；为空时以计算金额为准</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_columns.py" line="52"/>
        <source>Unit price × quantity × months, rounded to the fen</source>
        <translation>单价 × 数量 × 计费月数，四舍五入到分</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="64"/>
        <source>Stated amount differs from unit price × quantity × months (¥{computed})</source>
        <translation>合价与 单价 × 数量 × 计费月数（¥{computed}）不一致</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="65"/>
        <source>Edit {column}</source>
        <translation>编辑“{column}”</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="66"/>
        <source>Insert %n line(s)</source>
        <translation>插入 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="67"/>
        <source>Delete %n line(s)</source>
        <translation>删除 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="68"/>
        <source>Paste %n line(s)</source>
        <translation>粘贴 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="69"/>
        <source>Move line(s) up</source>
        <translation>上移行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="70"/>
        <source>Move line(s) down</source>
        <translation>下移行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/line_items_model.py" line="72"/>
        <source>floating-point numbers are not exact; type the number</source>
        <translation>浮点数不精确，请直接输入数字</translation>
    </message>
</context>
<context>
    <name>LostConnection</name>
    <message>
        <location filename="../../ui/editor/lost_connection.py" line="29"/>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lost_connection.py" line="31"/>
        <source>Retry saves it now; Cancel keeps the editor open to save later.</source>
        <translation>“重试”立即重新保存；“取消”保留编辑窗口，稍后再保存。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lost_connection.py" line="31"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_menus.py" line="41"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="63"/>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="65"/>
        <source>&amp;Open contract</source>
        <translation>打开合同(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="66"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="68"/>
        <source>&amp;Export ledger…</source>
        <translation>导出台账文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="70"/>
        <source>Bac&amp;k up now…</source>
        <translation>立即备份(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="71"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="73"/>
        <source>&amp;Move this register to a server…</source>
        <translation>将台账迁移到服务器(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="76"/>
        <source>Open &amp;sample contracts</source>
        <translation>打开示例合同(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="77"/>
        <source>&amp;Back to my register</source>
        <translation>返回我的台账(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="79"/>
        <source>&amp;Delete contract…</source>
        <translation>删除合同(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="81"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="82"/>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="84"/>
        <source>&amp;Print contract…</source>
        <translation>打印合同(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="86"/>
        <source>Print s&amp;ummary…</source>
        <translation>打印摘要(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="88"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="89"/>
        <source>Print to p&amp;rinter…</source>
        <translation>打印到打印机(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="90"/>
        <source>Seal band for 骑缝章 (cross-page seal)</source>
        <translation>骑缝章盖章带</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="94"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="42"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="108"/>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="115"/>
        <source>&amp;Find…</source>
        <translation>搜索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="43"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="122"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="133"/>
        <source>&amp;Overview…</source>
        <translation>总览(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="44"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="46"/>
        <source>&amp;Register…</source>
        <translation>台账(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="48"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="49"/>
        <source>&amp;Liquidated damages…</source>
        <translation>违约金计算(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="52"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="53"/>
        <source>&amp;About ContractDesk</source>
        <translation>关于合同台账(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="40"/>
        <source>edits here stay in the samples; your own register is not shown.</source>
        <translation>此处的修改只保存在示例中，不影响您自己的台账。</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="42"/>
        <source>Back to my register</source>
        <translation>返回我的台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Read-only: {0} The list, the calendar, printing and export work; changes are disabled.</source>
        <extracomment>How often the window looks for another process&apos;s writes (PRAGMA data_version), in milliseconds.</extracomment>
        <translation>只读：{0} 列表、日历、打印和导出可正常使用；不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>The daily backup failed: {0}</source>
        <translation>今日自动备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Backing up the register…</source>
        <translation>正在备份台账…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>contract officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <location filename="../../ui/register/role_limits.py" line="28"/>
        <source>Your role on this server register ({0}) may not do this.</source>
        <translation>您在此服务器台账中的角色（{0}）不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>ContractDesk — {0}</source>
        <translation>合同台账 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>{0} contract(s) in {1}</source>
        <translation>共 {0} 份合同，数据文件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Server register {0} · user {1}</source>
        <translation>服务器台账 {0} · 用户 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Move to the Trash</source>
        <translation>移至回收站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Move contract {0} to the Trash? It leaves the list, the calendar and the exports; Ctrl+Z or View → Trash brings it back.</source>
        <translation>将合同 {0} 移至回收站？它将不再出现在列表、日历和导出中；按 Ctrl+Z 或通过“视图 → 回收站”可以还原。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Moving the contract to the Trash…</source>
        <translation>正在移至回收站…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>Restoring the contract…</source>
        <translation>正在还原合同…</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="59"/>
        <source>The sample contracts were opened before, and may have been edited.</source>
        <translation>示例合同以前打开过，可能已被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="60"/>
        <source>Open them as they were left</source>
        <translation>按上次离开时的样子打开</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="61"/>
        <source>Reset them</source>
        <translation>重置示例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Select a contract first.</source>
        <translation>请先选择一份合同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>{0} contract(s) on the server register</source>
        <translation>服务器台账共 {0} 份合同</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="57"/>
        <location filename="../../ui/register/samples.py" line="87"/>
        <source>Sample contracts</source>
        <translation>示例合同</translation>
    </message>
    <message>
        <location filename="../../ui/register/samples.py" line="89"/>
        <source>Building the sample register…</source>
        <translation>正在生成示例合同台账…</translation>
    </message>
</context>
<context>
    <name>MilestoneTable</name>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="68"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="69"/>
        <source>Obligation</source>
        <translation>履约事项</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="70"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="72"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="74"/>
        <source>Repeats (RRULE)</source>
        <translation>重复规则（RRULE）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="75"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="76"/>
        <source>Contract&apos;s words</source>
        <translation>合同原文</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="114"/>
        <source>Milestones: every milestone needs a name</source>
        <translation>履约事项：每个事项都需要名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="115"/>
        <source>Milestones</source>
        <translation>履约事项</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <location filename="../../ui/payments/overview_chart.py" line="58"/>
        <source>10,000 元</source>
        <extracomment>Okabe–Ito blue, solid: what falls due. Okabe–Ito orange, hatched: what was paid. One bar&apos;s width, in months (two bars and a gap per month).</extracomment>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_chart.py" line="62"/>
        <source>Amount due</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_chart.py" line="64"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="45"/>
        <location filename="../../ui/register/move_to_server.py" line="86"/>
        <source>Move this register to a server</source>
        <translation>将台账迁移到服务器</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="50"/>
        <source>Copies every contract, payment, amendment, file and the history of {0} into an empty register on a PostgreSQL server, and checks the copy table by table. This file stays as it is.</source>
        <translation>将 {0} 中的全部合同、付款、补充协议、附件和历史记录复制到 PostgreSQL 服务器上的一个空台账，并逐表核对复制结果。本机文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="53"/>
        <source>Server register address:</source>
        <translation>服务器台账地址：</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="58"/>
        <source>The password is asked for when the server wants one (it may be kept in the system keyring), never written into the address or the settings.</source>
        <translation>服务器需要密码时会询问（可保存到系统密钥环），密码不会写入地址或设置。</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="63"/>
        <source>Copy to the server</source>
        <translation>复制到服务器</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="109"/>
        <source>{0} contract(s) copied to {1} and checked: every table has the same rows and checksum as the file.

Switch this window to the server register? The file stays as it is.</source>
        <translation>已将 {0} 份合同复制到 {1} 并核对无误：每张表的行数和校验和都与本机文件一致。

是否将本窗口切换到服务器台账？本机文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_to_server.py" line="124"/>
        <source>Copying the register to the server…</source>
        <translation>正在将台账复制到服务器…</translation>
    </message>
</context>
<context>
    <name>ObligationTables</name>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="55"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="56"/>
        <source>Counted from</source>
        <translation>起算事件</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="57"/>
        <source>Within</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/editor/obligation_tables.py" line="58"/>
        <source>Unit</source>
        <translation>期限单位</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="56"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="59"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="63"/>
        <source>Supplier (part of the name)</source>
        <translation>供应商（名称的一部分）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="65"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="65"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="65"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="66"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="66"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="72"/>
        <location filename="../../ui/payments/overview_window.py" line="102"/>
        <source>Year signed</source>
        <translation>签订年度</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="72"/>
        <location filename="../../ui/payments/overview_window.py" line="104"/>
        <location filename="../../ui/payments/overview_window.py" line="125"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="77"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="78"/>
        <source>The figures shown, one sheet per table (.xlsx)</source>
        <translation>导出所显示的数字，每张表一个工作表（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="80"/>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="81"/>
        <source>The figures shown and the chart on landscape A4 pages</source>
        <translation>所显示的数字和图表，横向 A4</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="92"/>
        <source>Contract value</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="95"/>
        <location filename="../../ui/payments/overview_window.py" line="114"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="96"/>
        <location filename="../../ui/payments/overview_window.py" line="110"/>
        <source>Outstanding</source>
        <translation>未付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="97"/>
        <location filename="../../ui/payments/overview_window.py" line="107"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="102"/>
        <location filename="../../ui/payments/overview_window.py" line="104"/>
        <source>Contracts</source>
        <translation>合同数</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="103"/>
        <source>Budget year (due)</source>
        <translation>预算年度（到期）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="103"/>
        <location filename="../../ui/payments/overview_window.py" line="108"/>
        <location filename="../../ui/payments/overview_window.py" line="111"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="106"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="109"/>
        <source>Due within</source>
        <translation>到期期限</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="112"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="246"/>
        <source>{0} amendment(s) signed but not yet in force ({1}; first from {2}): the figures use the terms in force on {3}; a contract&apos;s Amendments tab shows the amended terms as of any date.</source>
        <translation>{0} 份补充协议已签订但尚未生效（{1}；最早 {2} 起生效）：以上数字按 {3} 有效的条款计算；合同的“补充协议”页签可查看任一日期有效的条款（含变更后的条款）。</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="94"/>
        <location filename="../../ui/payments/overview_window.py" line="113"/>
        <source>Due (元)</source>
        <translation>应付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="116"/>
        <location filename="../../ui/payments/overview_window.py" line="123"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="117"/>
        <source>Bond</source>
        <translation>保证金</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="118"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="119"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="120"/>
        <source>To return</source>
        <translation>退还</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="120"/>
        <source>Not returned, return overdue</source>
        <translation>应退未退</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="124"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="126"/>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="127"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="130"/>
        <source>Next 12 months: ■ due (solid blue) · ▨ paid (hatched orange)</source>
        <translation>未来 12 个月：■ 应付（深蓝实心）· ▨ 已付（橙色斜纹）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="132"/>
        <source>By year of signing</source>
        <translation>按签订年度</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="132"/>
        <source>By budget year of the due dates</source>
        <translation>按到期预算年度</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="134"/>
        <source>By supplier</source>
        <translation>按供应商</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="134"/>
        <source>Overdue by age</source>
        <translation>逾期账龄</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="135"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="135"/>
        <source>Bonds held, not returned</source>
        <translation>在押未退保证金</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="136"/>
        <source>Contracts ending in the next 90 days</source>
        <translation>90 日内到期的合同（续签）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="151"/>
        <source>Double-click a row to list what it counts</source>
        <translation>双击一行，列出它所统计的款项</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="159"/>
        <location filename="../../ui/payments/overview_window.py" line="168"/>
        <location filename="../../ui/payments/overview_window.py" line="170"/>
        <source>Due vs paid by month</source>
        <translation>按月应付与已付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="233"/>
        <source>Computing the overview…</source>
        <translation>正在计算总览…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="239"/>
        <source>{0} contracts · value {1} · paid {2} · outstanding {3} · overdue {4} (元)</source>
        <translation>{0} 份合同 · 合同金额 {1} · 已付 {2} · 未付 {3} · 逾期 {4}（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="280"/>
        <location filename="../../ui/payments/overview_window.py" line="306"/>
        <source>Writing the overview…</source>
        <translation>正在写出总览…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="282"/>
        <source>Wrote {0}</source>
        <translation>已写出 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="300"/>
        <source>Wrote {0} ({1} pages)</source>
        <translation>已写出 {0}（{1} 页）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="303"/>
        <source>Printed with warnings</source>
        <translation>已打印，但有提示</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="304"/>
        <source>The PDF was written. Please check:</source>
        <translation>PDF 已写出。请核对：</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="314"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/payments/overview_window.py" line="314"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/register/server_password.py" line="29"/>
        <source>Password for the server register</source>
        <translation>服务器台账密码</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="32"/>
        <source>The register on the server asks for a password.</source>
        <translation>服务器上的台账需要输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="38"/>
        <source>(your login name)</source>
        <translation>（您的登录名）</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="41"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="42"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="43"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="44"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="51"/>
        <source>Remember in the system keyring</source>
        <translation>保存到系统密钥环</translation>
    </message>
    <message>
        <location filename="../../ui/register/server_password.py" line="53"/>
        <source>Kept by the desktop&apos;s keyring (not in ContractDesk&apos;s settings); next time the register opens without asking.</source>
        <translation>由桌面系统的密钥环保存（不写入合同台账的设置）；下次打开台账时不再询问。</translation>
    </message>
</context>
<context>
    <name>PaymentActions</name>
    <message>
        <location filename="../../ui/payments/deadline_action.py" line="32"/>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <location filename="../../ui/payments/deadline_action.py" line="34"/>
        <source>Select a payment deadline (an installment) first.</source>
        <translation>请先选择一项付款期限（分期付款）。</translation>
    </message>
    <message>
        <location filename="../../ui/payments/deadline_action.py" line="44"/>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="49"/>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="57"/>
        <source>paid late</source>
        <translation>逾期支付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="61"/>
        <location filename="../../ui/payments/payments_tab.py" line="71"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="62"/>
        <location filename="../../ui/payments/payments_tab.py" line="74"/>
        <source>Installment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="63"/>
        <location filename="../../ui/payments/payments_tab.py" line="73"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="65"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="66"/>
        <source>Paid (元)</source>
        <translation>已付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="67"/>
        <source>Outstanding (元)</source>
        <translation>未付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="68"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="72"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="75"/>
        <source>Payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="76"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="77"/>
        <source>Invoice no.</source>
        <translation>发票号</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="78"/>
        <source>Voucher no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="79"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="85"/>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="87"/>
        <location filename="../../ui/payments/payments_tab.py" line="157"/>
        <location filename="../../ui/payments/payments_tab.py" line="170"/>
        <source>Remove payment</source>
        <translation>删除付款</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="89"/>
        <source>Late-payment interest…</source>
        <translation>逾期付款利息…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="91"/>
        <source>The statutory rate for late payment to a small or medium supplier, on the selected overdue or late-paid installment</source>
        <translation>对所选逾期或逾期支付的款项，按迟延支付中小企业款项的法定利率计算</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="100"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="102"/>
        <source>Payments made</source>
        <translation>已付款项</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="131"/>
        <source>Paid {0} · outstanding {1} · overdue {2}</source>
        <translation>已付 {0} · 未付 {1} · 逾期 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="134"/>
        <source>{0} installment(s) paid late</source>
        <translation>{0} 期逾期支付</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="135"/>
        <source>(元)</source>
        <translation>（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="158"/>
        <source>Remove payment {0} of {1} on {2}?</source>
        <translation>删除 {2} 的第 {0} 笔付款 {1}？</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="172"/>
        <source>Removing the payment…</source>
        <translation>正在删除付款…</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="186"/>
        <source>Late-payment interest</source>
        <translation>逾期付款利息</translation>
    </message>
    <message>
        <location filename="../../ui/payments/payments_tab.py" line="187"/>
        <source>Select an overdue or late-paid installment first.</source>
        <translation>请先选择一期逾期或逾期支付的款项。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="108"/>
        <source>Print preview — {0}</source>
        <extracomment>Highest resolution a page is rendered at (dots per inch): sharp on paper, bounded memory.</extracomment>
        <translation>打印预览 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="124"/>
        <source>Print — {0}</source>
        <translation>打印 — {0}</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../ui/printing.py" line="89"/>
        <source>Select a contract to print first.</source>
        <translation>请先选择要打印的合同。</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="107"/>
        <source>Contract {0} has {1} check error(s); a copy for signature should not go out with them:

{2}

Correct them first, or print anyway?</source>
        <translation>合同 {0} 有 {1} 项核对错误，带着这些错误的签署文本不宜交出：

{2}

请先改正；仍要打印吗？</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="109"/>
        <source>Check errors</source>
        <translation>核对错误</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="109"/>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="122"/>
        <source>Writing the summary…</source>
        <translation>正在生成合同摘要…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="123"/>
        <location filename="../../ui/printing.py" line="148"/>
        <source>Writing the contract…</source>
        <translation>正在生成合同文本…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="177"/>
        <source>Wrote {0} ({1} pages)</source>
        <translation>已生成 {0}（共 {1} 页）</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="184"/>
        <source>Fonts not embedded</source>
        <translation>字体未嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="187"/>
        <source>No Chinese TrueType font was found, so none is embedded: the PDF depends on the viewer&apos;s fonts and may print differently on other machines. Install a Chinese font (for example WenQuanYi Micro Hei or SimSun) or set one in the settings.</source>
        <translation>未找到中文 TrueType 字体，因此 PDF 中未嵌入字体：显示和打印效果取决于阅读器的字体，在其他电脑上可能不同。请安装中文字体（例如文泉驿微米黑或宋体），或在设置中指定字体文件。</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="191"/>
        <source>Printed with warnings</source>
        <translation>已打印，但有提示</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="192"/>
        <source>The PDF was written. Please check:</source>
        <translation>PDF 已生成，请核对以下事项：</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="196"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>PenaltyClauses</name>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="28"/>
        <source>Clause</source>
        <translation>条款号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="29"/>
        <source>Breach</source>
        <translation>违约情形</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="30"/>
        <source>Paid by</source>
        <translation>违约方</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="31"/>
        <source>Kind</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="32"/>
        <source>Rate (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="33"/>
        <source>Base</source>
        <translation>计算基数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="34"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="35"/>
        <source>Cap (%)</source>
        <translation>上限比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="36"/>
        <source>Cap base</source>
        <translation>上限基数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="37"/>
        <source>Cap (元)</source>
        <translation>上限金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="38"/>
        <source>Days</source>
        <translation>计日方式</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="39"/>
        <source>Part of a day</source>
        <translation>不足一日</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="40"/>
        <source>Termination after (days)</source>
        <translation>解除阈值（天）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="41"/>
        <source>Clause text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="56"/>
        <source>Penalty clauses: every clause needs a reference (条款号)</source>
        <translation>违约条款：每条都需要条款号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="58"/>
        <source>Penalty clauses: every clause needs the breach it is for</source>
        <translation>违约条款：每条都需要写明违约情形</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="60"/>
        <source>Penalty clauses: every clause needs a kind</source>
        <translation>违约条款：每条都需要计算方式</translation>
    </message>
    <message>
        <location filename="../../ui/editor/penalty_clauses.py" line="65"/>
        <source>Penalty clauses: clause {0} appears {1} times</source>
        <translation>违约条款：条款号 {0} 出现了 {1} 次</translation>
    </message>
</context>
<context>
    <name>PenaltyDialog</name>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="132"/>
        <source>Liquidated damages — {0}</source>
        <extracomment>clause_ref of an ad-hoc rule in the saved calculations.</extracomment>
        <translation>违约金计算 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="84"/>
        <source>Statutory rate for late payment to an SME (保障中小企业款项支付条例 2025: 0.05 %/day of the overdue amount)</source>
        <translation>法定利率：迟延支付中小企业款项（《保障中小企业款项支付条例》2025年：按逾期金额每日万分之五）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="85"/>
        <source>Ad-hoc rule…</source>
        <translation>临时规则…</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="170"/>
        <location filename="../../ui/penalty/penalty_form.py" line="96"/>
        <source>Ad-hoc rule</source>
        <translation>临时规则</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="97"/>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="97"/>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="98"/>
        <source>Monthly fee × coefficient</source>
        <translation>月服务费×系数</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="100"/>
        <source>Fixed amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="100"/>
        <source>Contract total</source>
        <translation>合同总额</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="101"/>
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="102"/>
        <source>Monthly fee</source>
        <translation>月服务费</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="104"/>
        <source>Daily fee</source>
        <translation>日服务费</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="105"/>
        <source>percent, e.g. 0.05</source>
        <translation>百分比，如 0.05</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="107"/>
        <location filename="../../ui/penalty/penalty_form.py" line="114"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="109"/>
        <source>Calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="110"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="111"/>
        <source>A part of a day counts as a day</source>
        <translation>不足一日按一日计</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="112"/>
        <source>Pro rata</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="113"/>
        <source>percent of the contract total</source>
        <translation>合同总额的百分比</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="116"/>
        <source>Kind</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="172"/>
        <location filename="../../ui/penalty/penalty_form.py" line="117"/>
        <source>Rate (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="118"/>
        <source>Base</source>
        <translation>计算基数</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="174"/>
        <location filename="../../ui/penalty/penalty_form.py" line="119"/>
        <source>Fixed amount (元)</source>
        <translation>固定金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="120"/>
        <source>Paid by</source>
        <translation>违约方</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="196"/>
        <location filename="../../ui/penalty/penalty_form.py" line="121"/>
        <location filename="../../ui/penalty/penalty_form.py" line="146"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="122"/>
        <source>Part of a day</source>
        <translation>不足一日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="168"/>
        <location filename="../../ui/penalty/penalty_form.py" line="123"/>
        <source>Cap (% of total)</source>
        <translation>上限（合同总额的%）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="176"/>
        <location filename="../../ui/penalty/penalty_form.py" line="124"/>
        <source>Cap (元)</source>
        <translation>上限（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="154"/>
        <source>Due and actual dates</source>
        <translation>应履行日和实际履行日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="155"/>
        <source>Number of days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="172"/>
        <source>e.g. 12 or 2.5</source>
        <translation>如 12 或 2.5</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="173"/>
        <source>yuan, when the base is the overdue amount</source>
        <translation>元，以逾期金额为基数时填写</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="141"/>
        <location filename="../../ui/penalty/penalty_form.py" line="200"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="143"/>
        <source>Count by</source>
        <translation>天数依据</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="197"/>
        <location filename="../../ui/penalty/penalty_form.py" line="144"/>
        <source>Due date</source>
        <translation>应履行日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="198"/>
        <location filename="../../ui/penalty/penalty_form.py" line="145"/>
        <source>Actual date</source>
        <translation>实际履行日</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="201"/>
        <location filename="../../ui/penalty/penalty_form.py" line="147"/>
        <source>Overdue amount (元)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="204"/>
        <location filename="../../ui/penalty/penalty_form.py" line="148"/>
        <source>Already charged under this clause (元)</source>
        <translation>本条已计违约金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="202"/>
        <location filename="../../ui/penalty/penalty_form.py" line="149"/>
        <source>Already charged to this party (元)</source>
        <translation>该方已计违约金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="200"/>
        <source>Calculated on</source>
        <translation>计算时间</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="201"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="201"/>
        <source>By</source>
        <translation>计算人</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="191"/>
        <source>Working</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="193"/>
        <source>Saved calculations</source>
        <translation>已保存的计算</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="219"/>
        <source>Save to record</source>
        <translation>保存到合同记录</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="221"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="223"/>
        <source>Copy working</source>
        <translation>复制计算过程</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_form.py" line="61"/>
        <source>Save the contract first</source>
        <translation>请先保存合同</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="158"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="256"/>
        <source>Amount: ¥{0}</source>
        <translation>金额：¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="266"/>
        <source>Amount: —</source>
        <translation>金额：—</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="289"/>
        <source>Saved to the contract&apos;s record.</source>
        <translation>已保存到合同记录。</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="293"/>
        <source>Saving the calculation…</source>
        <translation>正在保存计算…</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="317"/>
        <source>Working copied.</source>
        <translation>计算过程已复制。</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="335"/>
        <source>Writing the calculation…</source>
        <translation>正在生成违约金计算书…</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="339"/>
        <source>Wrote {0}</source>
        <translation>已生成 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="342"/>
        <source>Printed with warnings</source>
        <translation>已打印，但有提示</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="342"/>
        <source>The PDF was written. Please check:</source>
        <translation>PDF 已生成，请核对以下事项：</translation>
    </message>
    <message>
        <location filename="../../ui/penalty/penalty_dialog.py" line="347"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>RecordEventDialog</name>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="113"/>
        <source>Record event — {0}</source>
        <translation>登记事件 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="129"/>
        <source>YYYY-MM-DD; empty removes the event</source>
        <translation>YYYY-MM-DD；留空则删除该事件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="134"/>
        <source>Rules that count from this event become due once it has a date. A new name records a named event (event:NAME).</source>
        <translation>自该事件起算的期限在登记日期后即开始计算。输入新名称可登记自定义事件（event:名称）。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="140"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="141"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="142"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/calendar_dialogs.py" line="177"/>
        <source>Recording the event…</source>
        <translation>正在登记事件…</translation>
    </message>
</context>
<context>
    <name>RecordPaymentDialog</name>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="53"/>
        <source>Record payment — {0}</source>
        <translation>登记付款 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="55"/>
        <source>(no installment)</source>
        <translation>（不对应期次）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="58"/>
        <source>Installment {0} {1}</source>
        <translation>第 {0} 期 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="75"/>
        <source>Installment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="76"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="77"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="78"/>
        <source>Invoice no. (发票号)</source>
        <translation>发票号</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="79"/>
        <source>Voucher no. (凭证号)</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="80"/>
        <source>Payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="81"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="82"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="106"/>
        <source>Amount: {0}</source>
        <translation>金额：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="110"/>
        <source>Paid on: {0}</source>
        <translation>付款日期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="130"/>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="131"/>
        <source>This payment is {0} more than what remains of installment {1}. Record it anyway?</source>
        <translation>这笔付款比第 {1} 期剩余未付金额多 {0}。仍然登记？</translation>
    </message>
    <message>
        <location filename="../../ui/payments/record_dialog.py" line="152"/>
        <source>Recording the payment…</source>
        <translation>正在登记付款…</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="83"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="85"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/contract_editor.py" line="103"/>
        <source>Row {0}, {1}: {2}</source>
        <translation>第 {0} 行，{1}：{2}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../ui/editor/record_table_model.py" line="82"/>
        <source>Edit {0}</source>
        <extracomment>How a stored value reads on screen when it is a code (``working_days`` → 工作日); editing shows the code. Shown, greyed and never edited here (derived elsewhere); ``tip`` says where it comes from.</extracomment>
        <translation>编辑“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/editor/record_table_model.py" line="97"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/record_table_model.py" line="109"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/editor/record_table_model.py" line="213"/>
        <source>a value is required</source>
        <translation>必须填写</translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="49"/>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="105"/>
        <source>Repeats</source>
        <extracomment>How many dates the preview lists.</extracomment>
        <translation>重复规则</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="54"/>
        <source>day(s)</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="54"/>
        <source>week(s)</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="54"/>
        <source>month(s)</source>
        <translation>个月</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="55"/>
        <source>year(s)</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="60"/>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="65"/>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="65"/>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="65"/>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="65"/>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="66"/>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="66"/>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="66"/>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="68"/>
        <source>on day</source>
        <translation>在第几日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="69"/>
        <source>on the last day</source>
        <translation>在最后一日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="70"/>
        <source>on working day no.</source>
        <translation>在第几个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="85"/>
        <source>until the end of the term</source>
        <translation>直至服务期满</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="85"/>
        <source>times:</source>
        <translation>共几次：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="106"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="107"/>
        <source>Day of the month</source>
        <translation>每月哪一日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="108"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="109"/>
        <source>RRULE (for rules the shapes cannot say)</source>
        <translation>RRULE（以上选项无法表达时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="189"/>
        <source> … {0} in all</source>
        <translation> … 共 {0} 次</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/recurrence_dialog.py" line="190"/>
        <source>Dates over the term: {0}</source>
        <translation>服务期内的日期：{0}</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="43"/>
        <location filename="../../ui/register/register_dialog.py" line="136"/>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="45"/>
        <source>A file on this computer (one officer)</source>
        <translation>本机文件（一位经办人使用）</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="46"/>
        <source>A database on a PostgreSQL server (a team)</source>
        <translation>PostgreSQL 服务器上的数据库（团队共用）</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="53"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="66"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="67"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="68"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="69"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="92"/>
        <source>Register file</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <location filename="../../ui/register/register_dialog.py" line="93"/>
        <source>Register (*.db);;All files (*)</source>
        <translation>台账 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/register/backups_view.py" line="236"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="250"/>
        <source>Backups in {0}</source>
        <translation>备份文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="254"/>
        <source>Restoring replaces the whole register with the backup. The register as it is now is backed up first, so a restore can itself be undone.</source>
        <translation>恢复会用备份替换整个台账。恢复前会先备份当前台账，因此恢复本身也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="258"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="260"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="287"/>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="293"/>
        <source>The backups folder cannot be read: {0}</source>
        <translation>无法读取备份文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="300"/>
        <source>No backups yet; Other file… restores one kept elsewhere.</source>
        <translation>还没有备份；可用“其他文件…”从别处保存的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/register/backups_view.py" line="301"/>
        <source>{0} backup(s)</source>
        <translation>共 {0} 份备份</translation>
    </message>
</context>
<context>
    <name>RoutineClose</name>
    <message>
        <location filename="../../ui/calendar/routine_close.py" line="41"/>
        <source>This contract is {0}: its routine duties end with it. Close their {1} open occurrence(s)? Payments and bond returns stay open.</source>
        <extracomment>Statuses that end a contract&apos;s routine duties.</extracomment>
        <translation>本合同已{0}，例行事项随之结束。是否关闭其 {1} 次未完成的例行事项？付款和保证金退还仍保持未完成。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/routine_close.py" line="42"/>
        <source>completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/routine_close.py" line="43"/>
        <source>terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/routine_close.py" line="44"/>
        <source>Close routine duties</source>
        <translation>关闭例行事项</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="72"/>
        <source>ContractDesk is already running on {0}, but does not answer. Close it (or wait until it has started), then try again.</source>
        <translation>合同台账已在使用 {0}，但没有响应。请关闭它（或等待其启动完成）后重试。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../ui/register/trash_view.py" line="93"/>
        <location filename="../../ui/register/trash_view.py" line="232"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="107"/>
        <source>Contracts in the Trash are out of the list, the calendar and the export; their numbers stay taken until they are deleted permanently.</source>
        <translation>回收站中的合同不出现在合同列表、日历和导出中；在永久删除之前，其合同编号仍被占用。</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="111"/>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="113"/>
        <source>Delete permanently…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="149"/>
        <source>Reading the Trash…</source>
        <translation>正在读取回收站…</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="159"/>
        <source>The Trash is empty.</source>
        <translation>回收站为空。</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="160"/>
        <source>{0} contract(s) in the Trash</source>
        <translation>回收站中有 {0} 份合同</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="186"/>
        <source>Restoring…</source>
        <translation>正在还原…</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="187"/>
        <source>Restored: {0}</source>
        <translation>已还原：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="196"/>
        <source>Delete contract {0} “{1}” permanently, with all its lines, payments and records? This cannot be undone; its history is kept.</source>
        <translation>确定永久删除合同 {0}“{1}”及其全部明细、付款和记录吗？此操作无法撤销；其历史记录将保留。</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="199"/>
        <source>Delete these {0} contracts permanently, with all their lines, payments and records?
{1}
This cannot be undone; their history is kept.</source>
        <translation>确定永久删除以下 {0} 份合同及其全部明细、付款和记录吗？
{1}
此操作无法撤销；其历史记录将保留。</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="201"/>
        <source>Delete permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="203"/>
        <source>Deleting permanently…</source>
        <translation>正在永久删除…</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="204"/>
        <source>Deleted permanently: {0}</source>
        <translation>已永久删除：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="230"/>
        <source>The contract is no longer in the Trash.</source>
        <translation>该合同已不在回收站中。</translation>
    </message>
</context>
<context>
    <name>TrashFilesModel</name>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="48"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="48"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="48"/>
        <source>Contract No.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="48"/>
        <source>Removed on</source>
        <translation>移除时间</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="49"/>
        <source>Removed by</source>
        <translation>移除人</translation>
    </message>
</context>
<context>
    <name>TrashFilesPanel</name>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="75"/>
        <source>Restore file</source>
        <translation>恢复文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="77"/>
        <source>Delete file permanently…</source>
        <translation>永久删除文件…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="85"/>
        <source>Files removed from contracts</source>
        <translation>从合同中移除的文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="94"/>
        <source>Reading the Trash…</source>
        <translation>正在读取回收站…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="100"/>
        <source>No file in the Trash.</source>
        <translation>回收站中没有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="101"/>
        <source>{0} file(s) in the Trash</source>
        <translation>回收站中有 {0} 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="112"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="121"/>
        <source>Delete permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="122"/>
        <source>Delete these {0} file(s) permanently? They cannot be restored afterwards.</source>
        <translation>永久删除这 {0} 个文件吗？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="125"/>
        <source>Deleting permanently…</source>
        <translation>正在永久删除…</translation>
    </message>
    <message>
        <location filename="../../ui/amendments/trash_files.py" line="138"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
</context>
<context>
    <name>TrashTableModel</name>
    <message>
        <location filename="../../ui/register/trash_view.py" line="74"/>
        <source>Contract No.</source>
        <extracomment>The ``TrashRow`` of a row.</extracomment>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="74"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="74"/>
        <source>Deleted on</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/register/trash_view.py" line="74"/>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/contracts/welcome.py" line="21"/>
        <source>The register is empty</source>
        <translation>合同台账中还没有合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/welcome.py" line="25"/>
        <source>Start by entering a signed contract, importing a ledger, or looking at the samples.</source>
        <translation>可以先录入一份已签订的合同、导入台账文件，或查看示例合同。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/welcome.py" line="29"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/welcome.py" line="30"/>
        <source>Import ledger…</source>
        <translation>导入台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/welcome.py" line="31"/>
        <source>Open sample contracts</source>
        <translation>打开示例合同</translation>
    </message>
</context>
</TS>
