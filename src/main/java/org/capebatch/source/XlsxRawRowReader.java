package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * Streams the first visible sheet of an ES-003 workbook (SPEC §2) with StAX over the
 * sheet XML, so memory stays flat whatever the row count (DESIGN: never load a whole
 * workbook; only the shared-string table is held). The first non-empty row is the header.
 * Cells become text: date-formatted numbers as ISO {@code yyyy-MM-dd}, other numbers as
 * plain decimals (no exponent, no trailing {@code .0}), booleans as TRUE/FALSE, formulas
 * as their cached value, everything else as written. Missing cells are "" at their own
 * column; rows are padded to the header width.
 */
public final class XlsxRawRowReader implements RawRowReader {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    // Excel keeps 15 significant digits; the 16th and 17th digits in the XML are binary
    // noise (0.1 + 0.2).
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private static final String[] NO_CELLS = new String[0];

    /**
     * Excel's last column (XFD) and row: no workbook Excel writes has a cell past them.
     */
    static final int MAX_COLUMN = 16_383;
    static final long MAX_ROW = 1_048_576;

    private final Path file;

    private final OPCPackage pkg;

    private final ReadOnlySharedStringsTable sharedStrings;

    private final StylesTable styles;

    private final boolean date1904;

    private final String sheetName;

    private final InputStream sheet;

    private final XMLStreamReader xml;

    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    private final List<String> header;

    private long lastRow;

    private boolean finished;

    public XlsxRawRowReader(Path file) {
        this(file, null);
    }

    /**
     * Reads the sheet named {@code preferredSheet} when the workbook has one (ACE report
     * exports put their data on sheet {@code Main Report} beside a {@code Parameters}
     * sheet, SPEC §6.2), else the first sheet.
     */
    public XlsxRawRowReader(Path file, String preferredSheet) {
        this.file = file;
        OPCPackage opened = null;
        InputStream sheetStream = null;
        try {
            opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            this.sharedStrings = new ReadOnlySharedStringsTable(opened, false);
            this.styles = reader.getStylesTable();
            Workbook workbook = readWorkbook(reader);
            this.date1904 = workbook.date1904();
            if (workbook.firstVisibleSheet() == null) {
                throw new MalformedSourceException(file, 0,
                        workbook.anySheet() ? "every sheet of the workbook is hidden; unhide the ES-003 sheet"
                                : "the workbook has no sheet",
                        null);
            }
            sheetStream = preferredSheet == null ? null : openSheet(reader, preferredSheet);
            this.sheetName = sheetStream != null ? preferredSheet : workbook.firstVisibleSheetName();
            if (sheetStream == null) {
                sheetStream = reader.getSheet(workbook.firstVisibleSheet());
            }
            this.sheet = sheetStream;
            this.xml = XML.createXMLStreamReader(sheetStream);
            this.pkg = opened;
            RawRow first = next();
            if (first == null) {
                throw new MalformedSourceException(file, 0, "no header row (sheet '" + sheetName + "' is empty)", null);
            }
            this.header = List.of(first.cells());
        }
        catch (IOException e) {
            release(sheetStream, opened);
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        catch (OpenXML4JException | OpenXML4JRuntimeException | SAXException | XMLStreamException e) {
            release(sheetStream, opened);
            throw new MalformedSourceException(file, 0, "not a readable XLSX workbook: " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            release(sheetStream, opened);
            if (e instanceof MalformedSourceException) {
                throw e;
            }
            // POI reports a non-zip or non-OOXML file with assorted runtime exceptions.
            throw new MalformedSourceException(file, 0, "not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    /**
     * The sheet named {@code preferredSheet} (any case), or null when the workbook has
     * none by that name.
     */
    private static InputStream openSheet(XSSFReader reader, String preferredSheet)
            throws IOException, OpenXML4JException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            InputStream sheet = sheets.next();
            if (preferredSheet.equalsIgnoreCase(sheets.getSheetName().trim())) {
                return sheet;
            }
            sheet.close();
        }
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRow next() {
        if (finished) {
            return null;
        }
        try {
            while (true) {
                RawRow row = readRow();
                if (row == null) {
                    finished = true;
                    return null;
                }
                if (!isBlank(row.cells())) {
                    return header == null ? row : new RawRow(row.line(), padded(row.cells(), header.size()));
                }
            }
        }
        catch (XMLStreamException e) {
            throw new MalformedSourceException(file, lastRow + 1, "malformed sheet XML: " + e.getMessage(), e);
        }
        catch (MalformedSourceException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // e.g. a shared-string or style index that the workbook does not have
            throw new MalformedSourceException(file, lastRow + 1, "damaged cell: " + e, e);
        }
    }

    @Override
    public long linesConsumed() {
        return lastRow;
    }

    @Override
    public void close() {
        try {
            xml.close();
        }
        catch (XMLStreamException e) {
            // nothing to keep from a reader we are discarding
        }
        release(sheet, pkg);
    }

    /** Reads up to the next {@code </row>}; null when the sheet data ends. */
    private RawRow readRow() throws XMLStreamException {
        List<String> cells = null;
        long rowNumber = lastRow + 1;
        int column = -1;
        String type = null;
        String style = null;
        String value = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String r = xml.getAttributeValue(null, "r");
                        rowNumber = r != null ? rowNumber(r) : lastRow + 1;
                        cells = new ArrayList<>();
                        column = -1;
                    }
                    case "c" -> {
                        String ref = xml.getAttributeValue(null, "r");
                        column = ref != null ? columnIndex(ref) : column + 1;
                        if (column > MAX_COLUMN) {
                            // Excel stops at XFD; a reference past it would make us pad
                            // millions of cells.
                            throw new MalformedSourceException(file, rowNumber, "cell reference " + ref
                                    + " is beyond Excel's last column XFD: the workbook is damaged", null);
                        }
                        type = xml.getAttributeValue(null, "t");
                        style = xml.getAttributeValue(null, "s");
                        value = null;
                    }
                    case "v" -> value = xml.getElementText();
                    case "is" -> value = readInlineString();
                    case "f" -> xml.getElementText(); // the formula itself; its cached
                                                      // result follows in <v>
                    default -> {
                    }
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> {
                        if (cells != null) {
                            while (cells.size() <= column) {
                                cells.add("");
                            }
                            cells.set(column, cellText(type, style, value));
                        }
                    }
                    case "row" -> {
                        lastRow = rowNumber;
                        return new RawRow(rowNumber, cells == null ? NO_CELLS : cells.toArray(NO_CELLS));
                    }
                    case "sheetData" -> {
                        return null;
                    }
                    default -> {
                    }
                }
            }
        }
        return null;
    }

    /**
     * Text of an inline string: its {@code <t>} runs, without phonetic ({@code <rPh>})
     * guides.
     */
    private String readInlineString() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean phonetic = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic = true;
                }
                else if (name.equals("t")) {
                    String t = xml.getElementText();
                    if (!phonetic) {
                        text.append(t);
                    }
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic = false;
                }
                else if (name.equals("is")) {
                    break;
                }
            }
        }
        return text.toString();
    }

    private String cellText(String type, String style, String value) {
        if (type != null) {
            switch (type) {
                case "s":
                    return value == null || value.isBlank() ? ""
                            : sharedStrings.getItemAt(Integer.parseInt(value.trim())).getString();
                case "inlineStr", "str", "e":
                    return value == null ? "" : value;
                case "b":
                    return value == null || value.isEmpty() ? "" : ("1".equals(value.trim()) ? "TRUE" : "FALSE");
                case "d":
                    // ISO 8601 date cell (strict OOXML); keep the date part, like a
                    // date-formatted number.
                    return value == null ? "" : (value.length() >= 10 ? value.substring(0, 10) : value);
                default:
                    break; // "n": a number
            }
        }
        if (value == null || value.isBlank()) {
            return "";
        }
        return number(value.trim(), style == null ? 0 : Integer.parseInt(style));
    }

    private String number(String value, int styleIndex) {
        try {
            if (isDateStyle(styleIndex)) {
                double serial = Double.parseDouble(value);
                if (DateUtil.isValidExcelDate(serial)) {
                    return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
                }
            }
            return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }
        catch (NumberFormatException e) {
            return value; // not a number after all: read it as its text (SPEC §2)
        }
    }

    private boolean isDateStyle(int styleIndex) {
        return dateStyles.computeIfAbsent(styleIndex, index -> {
            if (styles == null || index >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            if (cellStyle == null) {
                return false;
            }
            int formatIndex = cellStyle.getDataFormat();
            String formatString = cellStyle.getDataFormatString();
            if (formatString == null) {
                formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
            }
            return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
        });
    }

    /**
     * What the reader needs from {@code workbook.xml}: the date system and the first
     * visible sheet.
     */
    private record Workbook(boolean date1904, String firstVisibleSheet, String firstVisibleSheetName,
            boolean anySheet) {
    }

    /**
     * Workbooks saved with the 1904 date system count serial dates from 1904-01-01. The
     * sheet read is the first one in tab order that is not hidden: a hidden first sheet
     * (a lookup table, an old export) is not what the person who sent the workbook sees
     * when opening it (SPEC §2 "the first sheet").
     */
    private static Workbook readWorkbook(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        boolean date1904 = false;
        boolean anySheet = false;
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader wb = XML.createXMLStreamReader(workbook);
            try {
                while (wb.hasNext()) {
                    if (wb.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = wb.getLocalName();
                        if (name.equals("workbookPr")) {
                            String flag = wb.getAttributeValue(null, "date1904");
                            date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
                        }
                        else if (name.equals("sheet")) {
                            anySheet = true;
                            String state = wb.getAttributeValue(null, "state");
                            if (state == null || state.equals("visible")) {
                                return new Workbook(date1904, relationshipId(wb), wb.getAttributeValue(null, "name"),
                                        true);
                            }
                        }
                    }
                }
                return new Workbook(date1904, null, null, anySheet);
            }
            finally {
                wb.close();
            }
        }
    }

    /**
     * The {@code r:id} of a {@code <sheet>}, whatever prefix the workbook binds to the
     * relationships namespace.
     */
    private static String relationshipId(XMLStreamReader sheet) {
        for (int i = 0; i < sheet.getAttributeCount(); i++) {
            if (sheet.getAttributeLocalName(i).equals("id")) {
                return sheet.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The name of the sheet read (the first visible one). */
    public String sheetName() {
        return sheetName;
    }

    /**
     * Zero-based column of a cell reference such as {@code AB12}; past
     * {@link #MAX_COLUMN} the count stops growing (no overflow, whatever the length of
     * the reference).
     */
    static int columnIndex(String cellRef) {
        int column = 0;
        for (int i = 0; i < cellRef.length(); i++) {
            char c = cellRef.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = Math.min(column * 26 + (c - 'A' + 1), MAX_COLUMN + 2);
        }
        return column - 1;
    }

    /** The {@code r} of a {@code <row>}: 1 to Excel's 1,048,576. */
    private long rowNumber(String r) {
        try {
            long row = Long.parseLong(r.trim());
            if (row >= 1 && row <= MAX_ROW) {
                return row;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedSourceException(file, lastRow + 1, "row number '" + abbreviate(r)
                + "' is not a row of Excel (1 to " + MAX_ROW + "): the workbook is damaged", null);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    private static String[] padded(String[] cells, int width) {
        if (cells.length >= width) {
            return cells;
        }
        String[] padded = Arrays.copyOf(cells, width);
        Arrays.fill(padded, cells.length, width, "");
        return padded;
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void release(InputStream sheet, OPCPackage pkg) {
        try {
            if (sheet != null) {
                sheet.close();
            }
        }
        catch (IOException ignored) {
            // read-only stream of a zip entry; nothing was written
        }
        finally {
            if (pkg != null) {
                pkg.revert(); // read-only package: revert() closes without trying to save
            }
        }
    }

}
