<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../ui/tasks.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="103"/>
        <source>Contract {0}</source>
        <translation>合同 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="104"/>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="113"/>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="114"/>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="115"/>
        <source>Line items</source>
        <translation>服务明细</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="116"/>
        <source>Installments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="117"/>
        <source>Articles</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="136"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="138"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="140"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="150"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="150"/>
        <location filename="../../ui/contract_editor.py" line="168"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="151"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="151"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="152"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="152"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="153"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="153"/>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="154"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="154"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="155"/>
        <source>Share (元)</source>
        <translation>分摊金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="168"/>
        <location filename="../../ui/contract_editor.py" line="181"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="169"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="169"/>
        <source>Percent</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="170"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="171"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="172"/>
        <source>Counted from</source>
        <translation>起算事件</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="172"/>
        <source>Within</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="173"/>
        <source>Unit</source>
        <translation>期限单位</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="174"/>
        <source>Condition</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="174"/>
        <source>Paid on</source>
        <translation>实付日期</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="175"/>
        <source>Paid (元)</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="181"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="182"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="195"/>
        <source>Line items: {0}</source>
        <translation>服务明细：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="198"/>
        <source>Parties: a contract has two to five parties (甲方 … 戊方)</source>
        <translation>当事方：合同应有二至五个当事方（甲方…戊方）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="201"/>
        <source>Parties: each role (甲方 … 戊方) may appear only once</source>
        <translation>当事方：每个角色（甲方…戊方）只能出现一次</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="203"/>
        <source>Parties: every party needs a name</source>
        <translation>当事方：每个当事方都须填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="221"/>
        <source>The contract cannot be saved yet:</source>
        <translation>合同暂不能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="238"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
</context>
<context>
    <name>ContractListModel</name>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Number</source>
        <extracomment>The contract id of a row (int), without fetching the row. The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None. Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows. Cached rows kept at most; beyond that the cache starts afresh (bounds memory when the user drags the scroll bar through 100,000 rows).</extracomment>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Counterparty</source>
        <translation>相对方</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Total</source>
        <translation>合同总额</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Term</source>
        <translation>服务期限</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Next due</source>
        <translation>最近到期</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="258"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="259"/>
        <source>Active</source>
        <translation>履行中</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="260"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="261"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
</context>
<context>
    <name>ContractListView</name>
    <message>
        <location filename="../../ui/contract_list_view.py" line="62"/>
        <source>Search number, title or party (Ctrl+F)</source>
        <extracomment>Typing pauses shorter than this (ms) do not re-run the search: one query per burst.</extracomment>
        <translation>搜索合同编号、名称或当事方（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="164"/>
        <source>1 contract</source>
        <translation>1 份合同</translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="166"/>
        <source>{count} contracts</source>
        <translation>{count} 份合同</translation>
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
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Open contract</source>
        <translation>打开合同(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>&amp;Export ledger…</source>
        <translation>导出台账文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Open &amp;sample contracts</source>
        <translation>打开示例合同(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Delete contract…</source>
        <translation>删除合同(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Find…</source>
        <translation>搜索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>ContractDesk — {0}</source>
        <translation>合同台账 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>{0} contract(s) in {1}</source>
        <translation>共 {0} 份合同，数据文件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>ContractDesk</source>
        <translation>合同台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Delete contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Delete contract {0} and all its lines? This cannot be undone.</source>
        <translation>确定删除合同 {0} 及其全部明细吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Reading the ledger…</source>
        <translation>正在读取台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Update contracts?</source>
        <translation>更新合同？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>{0} contract(s) of this ledger are already in the register:
{1}

Update them from the ledger?</source>
        <translation>此台账文件中有 {0} 份合同已在合同台账中：
{1}

是否用台账文件更新这些合同？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Importing contracts…</source>
        <translation>正在导入合同…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>{0} contract(s) added, {1} updated.</source>
        <translation>新增 {0} 份合同，更新 {1} 份合同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Import cancelled; the register is unchanged.</source>
        <translation>已取消导入，合同台账未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Ledger rejected</source>
        <translation>台账文件未通过校验</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Nothing was imported: the ledger has {0} problem(s).</source>
        <translation>未导入任何合同：台账文件中有 {0} 处问题。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Exporting the register…</source>
        <translation>正在导出合同台账…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>{0} files written to {1}</source>
        <translation>已将 {0} 个文件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>Sample contracts</source>
        <translation>示例合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Building the sample register…</source>
        <translation>正在生成示例合同台账…</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="57"/>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="59"/>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="76"/>
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
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>The register is empty</source>
        <translation>合同台账中还没有合同</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Start by entering a signed contract, importing a ledger, or looking at the samples.</source>
        <translation>可以先录入一份已签订的合同、导入台账文件，或查看示例合同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Import ledger…</source>
        <translation>导入台账文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Open sample contracts</source>
        <translation>打开示例合同</translation>
    </message>
</context>
</TS>
