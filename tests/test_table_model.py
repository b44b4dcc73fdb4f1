from pharmacy_desk.ui.table_model import Column, RowsTableModel


def test_rows_table_model_passes_qt_model_tester(qtmodeltester):
    rows = [("张三", 1200), ("李四", 35)]
    model = RowsTableModel([Column("姓名", lambda r: r[0]), Column("积分", lambda r: r[1], align_right=True)],
                           fetch=lambda: rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(1, 1)) == "35"
    assert model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "姓名"
    rows.append(("王五", 0))
    model.refresh()
    assert model.rowCount() == 3
