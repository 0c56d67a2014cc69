<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../ui/tasks.py" line="106"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="103"/>
        <source>Contract {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="104"/>
        <source>New contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="113"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="114"/>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="115"/>
        <source>Line items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="116"/>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="117"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="136"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="138"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="140"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="150"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="150"/>
        <location filename="../../ui/contract_editor.py" line="168"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="151"/>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="151"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="152"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="152"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="153"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="153"/>
        <source>Tax ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="154"/>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="154"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="155"/>
        <source>Share (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="168"/>
        <location filename="../../ui/contract_editor.py" line="181"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="169"/>
        <source>Payee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="169"/>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="170"/>
        <source>Amount (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="171"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="172"/>
        <source>Counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="172"/>
        <source>Within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="173"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="174"/>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="174"/>
        <source>Paid on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="175"/>
        <source>Paid (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="181"/>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="182"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="195"/>
        <source>Line items: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="198"/>
        <source>Parties: a contract has two to five parties (甲方 … 戊方)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="201"/>
        <source>Parties: each role (甲方 … 戊方) may appear only once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="203"/>
        <source>Parties: every party needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="221"/>
        <source>The contract cannot be saved yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="238"/>
        <source>ContractDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractListModel</name>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Number</source>
        <extracomment>The contract id of a row (int), without fetching the row. The raw value a column sorts by: str, Decimal yuan, datetime.date, status code, or None. Rows fetched per query: a few screenfuls, so scrolling costs one query per ~256 rows. Cached rows kept at most; beyond that the cache starts afresh (bounds memory when the user drags the scroll bar through 100,000 rows).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Counterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="252"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="253"/>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="258"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="259"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="260"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_model.py" line="261"/>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractListView</name>
    <message>
        <location filename="../../ui/contract_list_view.py" line="62"/>
        <source>Search number, title or party (Ctrl+F)</source>
        <extracomment>Typing pauses shorter than this (ms) do not re-run the search: one query per burst.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="161"/>
        <source>1 contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_list_view.py" line="163"/>
        <source>{count} contracts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>(from the dates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="62"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="63"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="63"/>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="75"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="92"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="99"/>
        <source>Contract No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="99"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="100"/>
        <source>Procurement No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="100"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="101"/>
        <source>Signing date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="101"/>
        <source>Place of signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="102"/>
        <source>Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="102"/>
        <source>Start of term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="103"/>
        <source>End of term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="103"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="104"/>
        <source>Contract total (元, tax incl.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="105"/>
        <source>Total in capitals (大写金额)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="105"/>
        <source>Tax rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="106"/>
        <source>Amount excl. tax (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="130"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/header_form.py" line="135"/>
        <source>a 3-letter code such as CNY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineItemsEditor</name>
    <message>
        <location filename="../../ui/line_items_editor.py" line="53"/>
        <source>Row {row}, {column}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="54"/>
        <source>Row {row}: the line has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="55"/>
        <source>Nothing was pasted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="56"/>
        <source>Nothing to paste: no table cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="57"/>
        <source>… and %n more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="133"/>
        <source>Insert line</source>
        <extracomment>How many problems the status line lists before summing up the rest.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="136"/>
        <source>Insert an empty line above the selected line, or at the end (Ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="139"/>
        <source>Add line at end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="142"/>
        <source>Append an empty line after the last one (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="145"/>
        <source>Delete line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="148"/>
        <source>Delete the selected lines (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="151"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="154"/>
        <source>Move the selected lines up (Alt+↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="157"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="160"/>
        <source>Move the selected lines down (Alt+↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="163"/>
        <source>Paste lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="166"/>
        <source>Insert lines copied from Excel or WPS above the selected line, or at the end (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="178"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="180"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="191"/>
        <source>Sum of the line amounts minus the contract total</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/line_items_editor.py" line="289"/>
        <source>Delete %n line(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="354"/>
        <source>Delete lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="439"/>
        <source>Lines: ¥{lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="441"/>
        <source>Lines: ¥{lines} · excl. tax: ¥{excl} · tax ({rate}%): ¥{tax}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_editor.py" line="450"/>
        <source>Difference from contract total: ¥{difference}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineItemsModel</name>
    <message>
        <location filename="../../ui/line_items_model.py" line="53"/>
        <source>No.</source>
        <extracomment>LineItemData field shown in each column; &quot;computed_amount&quot; is the derived property.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="54"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="55"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="56"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="57"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="58"/>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="59"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="60"/>
        <source>Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="61"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="64"/>
        <source>Line number, renumbered after every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="65"/>
        <source>Unit price in yuan, up to 4 decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="66"/>
        <source>Billing months; empty means one period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="67"/>
        <source>Amount as the contract states it (yuan); empty means the computed amount counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="70"/>
        <source>Unit price × quantity × months, rounded to the fen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="72"/>
        <source>Stated amount differs from unit price × quantity × months (¥{computed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="75"/>
        <source>Edit {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="76"/>
        <source>Insert %n line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="77"/>
        <source>Delete %n line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="78"/>
        <source>Paste %n line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="79"/>
        <source>Move line(s) up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="80"/>
        <source>Move line(s) down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/line_items_model.py" line="81"/>
        <source>floating-point numbers are not exact; type the number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;New contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Open contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Import ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>&amp;Export ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Open &amp;sample contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Delete contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>ContractDesk — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>{0} contract(s) in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>ContractDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Delete contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Delete contract {0} and all its lines? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Reading the ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Update contracts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>{0} contract(s) of this ledger are already in the register:
{1}

Update them from the ledger?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Importing contracts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>{0} contract(s) added, {1} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Import cancelled; the register is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Ledger rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Nothing was imported: the ledger has {0} problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Exporting the register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>{0} files written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>Sample contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Building the sample register…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../ui/contract_editor.py" line="57"/>
        <source>Insert row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="59"/>
        <source>Delete row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contract_editor.py" line="76"/>
        <source>Row {0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../ui/record_table_model.py" line="175"/>
        <source>a value is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>The register is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Start by entering a signed contract, importing a ledger, or looking at the samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>New contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Import ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Open sample contracts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../ui/record_table_model.py" line="72"/>
        <source>Edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_table_model.py" line="86"/>
        <source>Insert row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_table_model.py" line="98"/>
        <source>Delete row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
