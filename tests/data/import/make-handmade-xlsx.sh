#!/bin/sh
# Builds handmade.xlsx: a Creator Center export (作品列表导出) written by hand
# as SpreadsheetML and zipped with zip(1), a second writer besides
# libxlsxwriter. It uses what other spreadsheet programs write and
# libxlsxwriter does not: a namespace prefix (x:), rich-text shared strings
# with phonetic runs, inline strings, a date serial styled by a custom
# number format, numbers stored as text, cells left out of the XML, a
# second sheet listed first in the archive, sheet files not named sheet1.
# The result is committed; run this only to change it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/_rels" "$tmp/xl/_rels" "$tmp/xl/worksheets"
cat > "$tmp/[Content_Types].xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/other.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
X
cat > "$tmp/_rels/.rels" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
X
cat > "$tmp/xl/workbook.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="作品列表" sheetId="1" r:id="rId7"/><x:sheet name="说明" sheetId="2" r:id="rId3"/></x:sheets></x:workbook>
X
cat > "$tmp/xl/_rels/workbook.xml.rels" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
X
cat > "$tmp/xl/styles.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="2"><x:numFmt numFmtId="176" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/><x:numFmt numFmtId="177" formatCode="0.00%"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="176" applyNumberFormat="1"/><x:xf numFmtId="177" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>
X
cat > "$tmp/xl/sharedStrings.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="20" uniqueCount="20"><x:si><x:t>作品名称</x:t></x:si><x:si><x:t>发布时间</x:t></x:si><x:si><x:t>体裁</x:t></x:si><x:si><x:t>审核状态</x:t></x:si><x:si><x:t>播放量</x:t></x:si><x:si><x:t>完播率</x:t></x:si><x:si><x:t>5s完播率</x:t></x:si><x:si><x:t>封面点击率</x:t></x:si><x:si><x:t>2s跳出率</x:t></x:si><x:si><x:t>平均播放时长</x:t></x:si><x:si><x:t>点赞量</x:t></x:si><x:si><x:t>分享量</x:t></x:si><x:si><x:t>评论量</x:t></x:si><x:si><x:t>收藏量</x:t></x:si><x:si><x:t>主页访问量</x:t></x:si><x:si><x:t>粉丝增量</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>泉城油旋</x:t></x:r><x:r><x:t xml:space="preserve"> 外酥里嫩，
老济南的味道🔥</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ユウセン</x:t></x:rPh></x:si><x:si><x:t>视频</x:t></x:si><x:si><x:t>审核通过</x:t></x:si><x:si><x:t>-</x:t></x:si></x:sst>
X
# Row 2: a date serial (46347.5 = 2026-11-21 12:00) styled 176, plays as a
# number stored as text with a thousands separator, completion as a
# styled fraction, the 5 s rate as text "45.5%", cover CTR missing ("-"
# shared), no 2 s bounce cell at all, duration as text, likes "1.2万"
# inline, comments omitted, favourites a number.
cat > "$tmp/xl/worksheets/data.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c><x:c r="F1" t="s"><x:v>5</x:v></x:c><x:c r="G1" t="s"><x:v>6</x:v></x:c><x:c r="H1" t="s"><x:v>7</x:v></x:c><x:c r="I1" t="s"><x:v>8</x:v></x:c><x:c r="J1" t="s"><x:v>9</x:v></x:c><x:c r="K1" t="s"><x:v>10</x:v></x:c><x:c r="L1" t="s"><x:v>11</x:v></x:c><x:c r="M1" t="s"><x:v>12</x:v></x:c><x:c r="N1" t="s"><x:v>13</x:v></x:c><x:c r="O1" t="s"><x:v>14</x:v></x:c><x:c r="P1" t="s"><x:v>15</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>16</x:v></x:c><x:c r="B2" s="1"><x:v>46347.5</x:v></x:c><x:c r="C2" t="s"><x:v>17</x:v></x:c><x:c r="D2" t="s"><x:v>18</x:v></x:c><x:c r="E2" t="str"><x:v>2,345</x:v></x:c><x:c r="F2" s="2"><x:v>0.16420000000000001</x:v></x:c><x:c r="G2" t="inlineStr"><x:is><x:t>45.5%</x:t></x:is></x:c><x:c r="H2" t="s"><x:v>19</x:v></x:c><x:c r="J2" t="inlineStr"><x:is><x:t>00:00:31</x:t></x:is></x:c><x:c r="K2" t="inlineStr"><x:is><x:r><x:t>1.2</x:t></x:r><x:r><x:t>万</x:t></x:r></x:is></x:c><x:c r="L2"><x:v>40</x:v></x:c><x:c r="N2"><x:v>300</x:v></x:c><x:c r="O2"><x:v>5</x:v></x:c><x:c r="P2"><x:v>2</x:v></x:c></x:row><x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
X
cat > "$tmp/xl/worksheets/other.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>not this sheet</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
X
rm -f "$here/handmade.xlsx"
# other.xml first in the archive: the reader must follow the workbook.
(cd "$tmp" && zip -q -X -D "$here/handmade.xlsx" '[Content_Types].xml' _rels/.rels \
	xl/worksheets/other.xml xl/workbook.xml xl/_rels/workbook.xml.rels \
	xl/styles.xml xl/sharedStrings.xml xl/worksheets/data.xml)
