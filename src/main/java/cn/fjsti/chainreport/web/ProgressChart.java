package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.submission.ProgressHistory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** The board's progress-over-time chart as SVG: one line per series, days along the bottom. */
public final class ProgressChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 36;
    private static final int TOP = 16;

    private ProgressChart() {
    }

    public static String svg(List<ProgressHistory.Day> days) {
        int max = 1;
        for (ProgressHistory.Day d : days) {
            max = Math.max(max, Math.max(d.submitted(), Math.max(d.approved(), d.unitsSent())));
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title\">",
                WIDTH, HEIGHT));
        ProgressHistory.Day today = days.isEmpty() ? null : days.get(days.size() - 1);
        svg.append("<title id=\"chart-title\">进度曲线").append(today == null ? "" : String.format(
                "：截至%s，已提交报告 %d 份，已通过 %d 份，已报送单位 %d 个", today.date(), today.submitted(), today.approved(), today.unitsSent()))
                .append("</title>");
        int plotW = WIDTH - LEFT - 16;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#94a3b8\"/>", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#94a3b8\"/>", LEFT, TOP, LEFT, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>", LEFT - 6, TOP + 10, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", LEFT - 6, TOP + plotH));
        if (!days.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT, HEIGHT - 12, days.get(0).date()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT + plotW, HEIGHT - 12, today.date()));
        }
        line(svg, days, ProgressHistory.Day::submitted, max, plotW, plotH, "#2563eb");
        line(svg, days, ProgressHistory.Day::approved, max, plotW, plotH, "#16a34a");
        line(svg, days, ProgressHistory.Day::unitsSent, max, plotW, plotH, "#c2410c");
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, List<ProgressHistory.Day> days, ToIntFunction<ProgressHistory.Day> value,
                             int max, int plotW, int plotH, String colour) {
        StringBuilder points = new StringBuilder();
        int n = days.size();
        for (int i = 0; i < n; i++) {
            double x = LEFT + (n == 1 ? plotW : (double) plotW * i / (n - 1));
            double y = TOP + plotH - (double) plotH * value.applyAsInt(days.get(i)) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>",
                points.toString().trim(), colour));
        if (n <= 62) {
            // Dots mark each day, so the first days of a campaign (one or two points) are visible too.
            for (String point : points.toString().trim().split(" ")) {
                String[] xy = point.split(",");
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" fill=\"%s\"/>", xy[0], xy[1], colour));
            }
        }
    }
}
