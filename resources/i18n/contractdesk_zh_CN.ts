<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="77"/>
        <source>About ContractDesk</source>
        <translation>关于合同台账</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="79"/>
        <source>ContractDesk {0}</source>
        <translation>合同台账 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="82"/>
        <source>A register of procurement contracts for public bodies.</source>
        <translation>面向公共机构的采购合同登记台账。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="89"/>
        <source>Store:</source>
        <translation>数据文件：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="89"/>
        <source>Logs:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="90"/>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="111"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="111"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="111"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="113"/>
        <source>Bundled components</source>
        <translation>随附组件</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="115"/>
        <source>Qt and PySide6 are used under the GNU Lesser General Public License v3: they are shipped as separate libraries in the installation folder and may be replaced by compatible builds. Their source code is available at {0}. The licence texts are in the installation folder: {1} (Qt, PySide6, Python) and next to each other component.</source>
        <translation>Qt 和 PySide6 依据 GNU 宽通用公共许可证第 3 版（LGPL v3）使用：它们以独立的库文件随程序安装在安装目录中，可替换为兼容的版本。其源代码可从 {0} 获取。许可证全文位于安装目录中：{1}（Qt、PySide6、Python），其他组件的许可证位于各组件旁。</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../ui/tasks.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../ui/checks_panel.py" line="90"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/checks_panel.py" line="90"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/checks_panel.py" line="103"/>
        <location filename="../../ui/checks_panel.py" line="254"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/checks_panel.py" line="103"/>
        <location filename="../../ui/checks_panel.py" line="255"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../ui/checks_panel.py" line="162"/>
        <source>Checks: {0} error(s), {1} warning(s) — click one to go to the field</source>
        <translation>核对：{0} 个错误，{1} 个警告 — 点击一项可转到相应字段</translation>
    </message>
    <message>
        <location filename="../../ui/checks_panel.py" line="166"/>
        <source>Checks: no problems found</source>
        <translation>核对：未发现问题</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="105"/>
        <source>Contract {0}</source>
        <translation>合同 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="106"/>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="115"/>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="116"/>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="117"/>
        <source>Line items</source>
        <translation>服务明细</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="118"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="119"/>
        <source>Articles</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="146"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="148"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="150"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="160"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="160"/>
        <location filename="../../ui/contract_editor.py" line="178"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="161"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="161"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="162"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="162"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="163"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="163"/>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="164"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="164"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="165"/>
        <source>Share (元)</source>
        <translation>分摊金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="178"/>
        <location filename="../../ui/contract_editor.py" line="191"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="179"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="179"/>
        <source>Percent</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="180"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="181"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="182"/>
        <source>Counted from</source>
        <translation>起算事件</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="182"/>
        <source>Within</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="183"/>
        <source>Unit</source>
        <translation>期限单位</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="184"/>
        <source>Condition</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="184"/>
        <source>Paid on</source>
        <translation>实付日期</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="185"/>
        <source>Paid (元)</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="191"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="192"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="206"/>
        <source>Line items: {0}</source>
        <translation>服务明细：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="209"/>
        <source>Parties: a contract has two to five parties (甲方 … 戊方)</source>
        <translation>当事方：合同应有二至五个当事方（甲方…戊方）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="212"/>
        <source>Parties: each role (甲方 … 戊方) may appear only once</source>
        <translation>当事方：每个角色（甲方…戊方）只能出现一次</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="214"/>
        <source>Parties: every party needs a name</source>
        <translation>当事方：每个当事方都须填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="232"/>
        <source>The contract cannot be saved yet:</source>
        <translation>合同暂不能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="249"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
</context>
<context>
    <name>ContractListModel</name>
    <message>
        <location filename="../../ui/contract_list_model.py" line="284"/>
        <source>Number</source>
        <extracomment>The contract id of a row (int), without fetching the row. The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None. Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows. Cached rows kept at most; beyond that the cache starts afresh (bounds memory when the user drags the scroll bar through 100,000 rows).</extracomment>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="284"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="284"/>
        <source>Counterparty</source>
        <translation>相对方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="284"/>
        <source>Total</source>
        <translation>合同总额</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="285"/>
        <source>Term</source>
        <translation>服务期限</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="285"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="285"/>
        <source>Next due</source>
        <translation>最近到期</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="290"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="291"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="292"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="293"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
</context>
<context>
    <name>ContractListView</name>
    <message>
        <location filename="../../ui/contract_list_view.py" line="63"/>
        <source>Search number, title or party (Ctrl+F)</source>
        <extracomment>Typing pauses shorter than this (ms) do not re-run the search: one query per burst.</extracomment>
        <translation>搜索合同编号、名称或当事方（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="66"/>
        <source>Only contracts with problems</source>
        <translation>仅显示有问题的合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="67"/>
        <source>Contracts whose checks (核对) found errors or warnings</source>
        <translation>核对发现错误或警告的合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="169"/>
        <source>1 contract</source>
        <translation>1 份合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="171"/>
        <source>{count} contracts</source>
        <translation>{count} 份合同</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="161"/>
        <source>ContractDesk — unexpected error</source>
        <translation>合同台账 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="164"/>
        <source>ContractDesk met an unexpected error: {0}

The action was not completed; what was saved before is unchanged. The details were written to {1}. Please send them to your support contact.</source>
        <translation>合同台账遇到意外错误：{0}

本次操作未完成；此前已保存的内容未受影响。详细信息已写入 {1}。请将其发送给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="176"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="186"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DialogService</name>
    <message>
        <location filename="../../ui/dialogs.py" line="25"/>
        <source>Import ledger: choose a .zip, or contracts.csv of a ledger folder</source>
        <translation>导入台账文件：请选择 .zip 文件，或台账文件夹中的 contracts.csv</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="29"/>
        <source>Ledger (*.zip *.csv);;All files (*)</source>
        <translation>台账文件 (*.zip *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="36"/>
        <source>Export ledger to folder</source>
        <translation>导出台账文件到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>(from the dates)</source>
        <translation>（按日期自动判断）</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="63"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="63"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="75"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2025-10-16</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="92"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="99"/>
        <source>Contract No.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="99"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="100"/>
        <source>Procurement No.</source>
        <translation>采购编号</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="101"/>
        <source>Signing date</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="101"/>
        <source>Place of signing</source>
        <translation>签订地点</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="102"/>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="102"/>
        <source>Start of term</source>
        <translation>服务开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="103"/>
        <source>End of term</source>
        <translation>服务结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="103"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="104"/>
        <source>Contract total (元, tax incl.)</source>
        <translation>合同总额（元，含税）</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="105"/>
        <source>Total in capitals (大写金额)</source>
        <translation>大写金额</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="105"/>
        <source>Tax rate (%)</source>
        <translation>税率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="106"/>
        <source>Amount excl. tax (元)</source>
        <translation>不含税金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="130"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="135"/>
        <source>a 3-letter code such as CNY</source>
        <translation>应为 3 位字母代码，如 CNY</translation>
    </message>
</context>
<context>
    <name>LineItemsEditor</name>
    <message>
        <location filename="../../ui/line_items_editor.py" line="53"/>
        <source>Row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="54"/>
        <source>Row {row}: the line has no name</source>
        <translation>第 {row} 行：未填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="55"/>
        <source>Nothing was pasted:</source>
        <translation>未粘贴任何内容：</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="56"/>
        <source>Nothing to paste: no table cells.</source>
        <translation>无可粘贴内容：剪贴板中没有表格单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="57"/>
        <source>… and %n more</source>
        <translation>……另有 %n 项</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="135"/>
        <source>Insert line</source>
        <extracomment>How many problems the status line lists before summing up the rest.</extracomment>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="138"/>
        <source>Insert an empty line above the selected line, or at the end (Ins)</source>
        <translation>在所选行上方插入空行；未选中行时插入到末尾（Ins）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="141"/>
        <source>Add line at end</source>
        <translation>末尾添加行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="144"/>
        <source>Append an empty line after the last one (Ctrl+Enter)</source>
        <translation>在最后一行之后添加空行（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="147"/>
        <source>Delete line(s)</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="150"/>
        <source>Delete the selected lines (Delete)</source>
        <translation>删除所选行（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="153"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="156"/>
        <source>Move the selected lines up (Alt+↑)</source>
        <translation>将所选行上移一行（Alt+↑）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="159"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="162"/>
        <source>Move the selected lines down (Alt+↓)</source>
        <translation>将所选行下移一行（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="165"/>
        <source>Paste lines</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="168"/>
        <source>Insert lines copied from Excel or WPS above the selected line, or at the end (Ctrl+V)</source>
        <translation>将从 Excel 或 WPS 复制的行插入到所选行上方；未选中行时插入到末尾（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="183"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="185"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="196"/>
        <source>Sum of the line amounts minus the contract total</source>
        <translation>明细合价之和减去合同总额</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/line_items_editor.py" line="294"/>
        <source>Delete %n line(s)?</source>
        <translation>
            <numerusform>确定删除 %n 行明细吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="360"/>
        <source>Delete lines</source>
        <translation>删除明细行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="443"/>
        <source>Lines: ¥{lines}</source>
        <translation>明细合计：¥{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="445"/>
        <source>Lines: ¥{lines} · excl. tax: ¥{excl} · tax ({rate}%): ¥{tax}</source>
        <translation>明细合计：¥{lines} · 不含税金额：¥{excl} · 税额（{rate}%）：¥{tax}</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="454"/>
        <source>Difference from contract total: ¥{difference}</source>
        <translation>与合同总额相差：¥{difference}</translation>
    </message>
</context>
<context>
    <name>LineItemsModel</name>
    <message>
        <location filename="../../ui/line_items_model.py" line="53"/>
        <source>No.</source>
        <extracomment>LineItemData field shown in each column; &quot;computed_amount&quot; is the derived property.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="54"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="55"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="56"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="57"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="58"/>
        <source>Months</source>
        <translation>计费月数</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="59"/>
        <source>Amount</source>
        <translation>合价</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="60"/>
        <source>Computed</source>
        <translation>计算金额</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="61"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="64"/>
        <source>Line number, renumbered after every change</source>
        <translation>行号，每次修改后自动重新编号</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="65"/>
        <source>Unit price in yuan, up to 4 decimals</source>
        <translation>单价（元），最多 4 位小数</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="66"/>
        <source>Billing months; empty means one period</source>
        <translation>计费月数；为空表示按一期计</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="67"/>
        <source>Amount as the contract states it (yuan); empty means the computed amount counts</source>
        <translation>合同所列合价（元）；为空时以计算金额为准</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="70"/>
        <source>Unit price × quantity × months, rounded to the fen</source>
        <translation>单价 × 数量 × 计费月数，四舍五入到分</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="72"/>
        <source>Stated amount differs from unit price × quantity × months (¥{computed})</source>
        <translation>合价与 单价 × 数量 × 计费月数（¥{computed}）不一致</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="75"/>
        <source>Edit {column}</source>
        <translation>编辑“{column}”</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="76"/>
        <source>Insert %n line(s)</source>
        <translation>插入 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="77"/>
        <source>Delete %n line(s)</source>
        <translation>删除 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="78"/>
        <source>Paste %n line(s)</source>
        <translation>粘贴 %n 行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="79"/>
        <source>Move line(s) up</source>
        <translation>上移行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="80"/>
        <source>Move line(s) down</source>
        <translation>下移行</translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="81"/>
        <source>floating-point numbers are not exact; type the number</source>
        <translation>浮点数不精确，请直接输入数字</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>&amp;Open contract</source>
        <translation>打开合同(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&amp;Export ledger…</source>
        <translation>导出台账文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Open &amp;sample contracts</source>
        <translation>打开示例合同(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Delete contract…</source>
        <translation>删除合同(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Print contract…</source>
        <translation>打印合同(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Print s&amp;ummary…</source>
        <translation>打印摘要(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;Find…</source>
        <translation>搜索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;About ContractDesk</source>
        <translation>关于合同台账(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>ContractDesk — {0}</source>
        <translation>合同台账 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>{0} contract(s) in {1}</source>
        <translation>共 {0} 份合同，数据文件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>Delete contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Delete contract {0} and all its lines? This cannot be undone.</source>
        <translation>确定删除合同 {0} 及其全部明细吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Reading the ledger…</source>
        <translation>正在读取台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Update contracts?</source>
        <translation>更新合同？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>{0} contract(s) of this ledger are already in the register:
{1}

Update them from the ledger?</source>
        <translation>此台账文件中有 {0} 份合同已在合同台账中：
{1}

是否用台账文件更新这些合同？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Importing contracts…</source>
        <translation>正在导入合同…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>{0} contract(s) added, {1} updated, {2} with problems.</source>
        <translation>新增 {0} 份合同，更新 {1} 份，其中 {2} 份有问题。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Import cancelled; the register is unchanged.</source>
        <translation>已取消导入，合同台账未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Ledger rejected</source>
        <translation>台账文件未通过校验</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Nothing was imported: the ledger has {0} problem(s).</source>
        <translation>未导入任何合同：台账文件中有 {0} 处问题。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Exporting the register…</source>
        <translation>正在导出合同台账…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>{0} files written to {1}</source>
        <translation>已将 {0} 个文件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Sample contracts</source>
        <translation>示例合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Building the sample register…</source>
        <translation>正在生成示例合同台账…</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../ui/printing.py" line="71"/>
        <source>Select a contract to print first.</source>
        <translation>请先选择要打印的合同。</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="90"/>
        <source>Writing the summary…</source>
        <translation>正在生成合同摘要…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="90"/>
        <source>Writing the contract…</source>
        <translation>正在生成合同文本…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="94"/>
        <source>Wrote {0} ({1} pages)</source>
        <translation>已生成 {0}（共 {1} 页）</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="98"/>
        <source>Fonts not embedded</source>
        <translation>字体未嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="99"/>
        <source>No Chinese TrueType font was found, so none is embedded: the PDF depends on the viewer&apos;s fonts and may print differently on other machines. Install a Chinese font (for example WenQuanYi Micro Hei or SimSun) or set one in the settings.</source>
        <translation>未找到中文 TrueType 字体，因此 PDF 中未嵌入字体：显示和打印效果取决于阅读器的字体，在其他电脑上可能不同。请安装中文字体（例如文泉驿微米黑或宋体），或在设置中指定字体文件。</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="105"/>
        <source>Printed with warnings</source>
        <translation>已打印，但有提示</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="106"/>
        <source>The PDF was written. Please check:</source>
        <translation>PDF 已生成，请核对以下事项：</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="110"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="59"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="61"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="78"/>
        <source>Row {0}, {1}: {2}</source>
        <translation>第 {0} 行，{1}：{2}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../ui/record_table_model.py" line="73"/>
        <source>Edit {0}</source>
        <translation>编辑“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/record_table_model.py" line="88"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/record_table_model.py" line="100"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/record_table_model.py" line="184"/>
        <source>a value is required</source>
        <translation>必须填写</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="64"/>
        <source>ContractDesk is already running on {0}, but does not answer. Close it (or wait until it has started), then try again.</source>
        <translation>合同台账已在使用 {0}，但没有响应。请关闭它（或等待其启动完成）后重试。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>The register is empty</source>
        <translation>合同台账中还没有合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Start by entering a signed contract, importing a ledger, or looking at the samples.</source>
        <translation>可以先录入一份已签订的合同、导入台账文件，或查看示例合同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Import ledger…</source>
        <translation>导入台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Open sample contracts</source>
        <translation>打开示例合同</translation>
    </message>
</context>
</TS>
