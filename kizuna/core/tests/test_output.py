import io
import json

from kizuna.core.output import write_rows

ROWS = [{"code": "014087", "name": "Yoichi", "name_ja": "余市町"}]


def test_json_and_csv_and_table():
    out = io.StringIO()
    write_rows(ROWS, ["code", "name", "name_ja"], "json", out)
    assert json.loads(out.getvalue()) == ROWS
    out = io.StringIO()
    write_rows(ROWS, ["code", "name", "name_ja"], "csv", out)
    assert out.getvalue() == "code,name,name_ja\n014087,Yoichi,余市町\n"
    out = io.StringIO()
    write_rows(ROWS, ["name_ja", "code"], "table", out)
    # 余市町 is six terminal columns wide, so the code column lines up after it.
    assert out.getvalue().splitlines() == ["name_ja  code", "余市町   014087"]
