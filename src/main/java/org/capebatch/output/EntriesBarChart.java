package org.capebatch.output;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The workbooks' one kind of chart: horizontal bars (category names are long) of entries
 * per category, fed from the sheet's own cells: names in column A and entries in column B
 * of rows 2 to {@code categories + 1}, under a header row.
 *
 * @param title the chart's title
 * @param firstColumn the column (0-based) where the chart's left edge is anchored, right
 * of the table
 * @param categoryAxisTitle the category axis's title, or {@code null} for none
 * @param valueAxisTitle the value axis's title, or {@code null} for none
 */
public record EntriesBarChart(String title, int firstColumn, String categoryAxisTitle, String valueAxisTitle) {

    private static final int WIDTH_COLUMNS = 10;

    /** Rows of height the chart takes at least, and per category. */
    private static final int MIN_CATEGORIES = 8;

    public void addTo(XSSFSheet sheet, int categories) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, firstColumn, 1, firstColumn + WIDTH_COLUMNS,
                3 + Math.max(categories, MIN_CATEGORIES) * 2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis axis = chart.createCategoryAxis(AxisPosition.LEFT);
        if (categoryAxisTitle != null) {
            axis.setTitle(categoryAxisTitle);
        }
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        if (valueAxisTitle != null) {
            values.setTitle(valueAxisTitle);
        }
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(1, categories, 0, 0));
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, categories, 1, 1));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, axis, values);
        bars.setBarDirection(BarDirection.BAR);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(names, counts);
        series.setTitle("Entries", null);
        chart.plot(bars);
    }

}
