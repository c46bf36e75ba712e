from concordance.csv_cells import BOM, neutralised


def test_a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe():
    for value in ("=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralised(value) == "'" + value


def test_other_cells_are_left_as_they_are():
    assert neutralised("Article 16 = art. 25") == "Article 16 = art. 25"
    assert neutralised("") == ""


def test_the_byte_order_mark_is_the_one_excel_looks_for():
    assert BOM.encode("utf-8") == b"\xef\xbb\xbf"
