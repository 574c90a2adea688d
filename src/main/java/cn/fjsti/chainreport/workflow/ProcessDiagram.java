package cn.fjsti.chainreport.workflow;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a deployed process as SVG from the diagram interchange (DI) the BPMN files carry: the same
 * picture an analyst sees in the modeler, with the steps already passed shaded and the current step
 * outlined. Built on the server, so the page needs no diagram library; the step names are real text
 * that screen readers and the browser tests can find.
 */
public final class ProcessDiagram {

    private static final String ACTIVE = "#c2410c";
    private static final String DONE_FILL = "#dcfce7";
    private static final String PLAIN_FILL = "#ffffff";

    private ProcessDiagram() {
    }

    /**
     * @param active  ids of the steps the process is waiting in now
     * @param visited ids of every step it has passed through (including the active ones)
     */
    public static String svg(BpmnModelInstance model, Set<String> active, Set<String> visited) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
        }
        // Flows may run outside every shape (a loop drawn below the steps): the picture holds them and their labels.
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            for (Waypoint w : edge.getWaypoints()) {
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY() + 10);
            }
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                Bounds b = edge.getBpmnLabel().getBounds();
                maxX = Math.max(maxX, b.getX() + b.getWidth());
                maxY = Math.max(maxY, b.getY() + b.getHeight() + 10);
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"diagram-title\">",
                maxX + 40, maxY + 20));
        svg.append("<title id=\"diagram-title\">").append(escape(processName(model))).append("流程图</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#475569\"/></marker></defs>");
        // Subprocesses first, so the steps inside them are drawn on top.
        for (BpmnShape shape : shapes) {
            if (shape.getBpmnElement() instanceof SubProcess) {
                shape(svg, shape, active, visited);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            edge(svg, edge, visited);
        }
        for (BpmnShape shape : shapes) {
            if (!(shape.getBpmnElement() instanceof SubProcess)) {
                shape(svg, shape, active, visited);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void edge(StringBuilder svg, BpmnEdge edge, Set<String> visited) {
        StringBuilder points = new StringBuilder();
        for (Waypoint w : edge.getWaypoints()) {
            points.append(String.format(Locale.ROOT, "%.0f,%.0f ", w.getX(), w.getY()));
        }
        boolean taken = edge.getBpmnElement() instanceof SequenceFlow flow
                && visited.contains(flow.getSource().getId()) && visited.contains(flow.getTarget().getId());
        svg.append(String.format(Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#arrow)\"/>",
                points.toString().trim(), taken ? "#15803d" : "#475569", taken ? "2" : "1.2"));
        if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null && !edge.getWaypoints().isEmpty()) {
            // Where the modeler put the label, else just after the flow's start.
            Waypoint first = edge.getWaypoints().iterator().next();
            Bounds label = edge.getBpmnLabel() == null ? null : edge.getBpmnLabel().getBounds();
            double x = label != null ? label.getX() : first.getX() + 6;
            double y = label != null ? label.getY() + 11 : first.getY() - 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" class=\"flow-label\">%s</text>",
                    x, y, escape(flow.getName())));
        }
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Set<String> active, Set<String> visited) {
        BaseElement element = shape.getBpmnElement();
        Bounds b = shape.getBounds();
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        String id = element.getId();
        boolean now = active.contains(id);
        String fill = visited.contains(id) ? DONE_FILL : PLAIN_FILL;
        String stroke = now ? ACTIVE : "#334155";
        String width = now ? "4" : "1.5";
        String name = element instanceof FlowNode node && node.getName() != null ? node.getName() : "";
        svg.append(String.format(Locale.ROOT, "<g class=\"step%s\" data-id=\"%s\"%s>", now ? " current" : "",
                escape(id), now ? " aria-current=\"step\"" : ""));
        if (!name.isEmpty()) {
            svg.append("<title>").append(escape(name)).append(now ? "（当前步骤）" : visited.contains(id) ? "（已完成）" : "").append("</title>");
        }
        if (element instanceof Event) {
            double r = w / 2;
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    x + r, y + r, r, fill, stroke, element instanceof EndEvent ? (now ? "5" : "3") : width));
            labelAt(svg, shape, name, x + r, y + h + 16);
        } else if (element instanceof Gateway) {
            svg.append(String.format(Locale.ROOT,
                    "<polygon points=\"%.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h, x, y + h / 2, fill, stroke, width));
            labelAt(svg, shape, name, x + w / 2, y - 8);
        } else if (element instanceof SubProcess) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\" fill=\"#f8fafc\" stroke=\"#64748b\" stroke-dasharray=\"6 4\"/>",
                    x, y, w, h));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" class=\"sub-label\">%s</text>", x + 8, y + 18, escape(name)));
        } else {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    x, y, w, h, now ? "#ffedd5" : fill, stroke, width));
            label(svg, name, x + w / 2, y + h / 2 - 4, (int) Math.max(4, w / 15));
        }
        svg.append("</g>");
    }

    /** An event's or gateway's name where the modeler placed it (its DI label), else at the given point. */
    private static void labelAt(StringBuilder svg, BpmnShape shape, String name, double cx, double y) {
        Bounds label = shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds();
        Bounds own = shape.getBounds();
        if (label != null) {
            // The modeler's label box: lines run down from its top, so a label below the shape never climbs into it.
            lines(svg, name, label.getX() + label.getWidth() / 2, label.getY() + 11, 7);
        } else if (y > own.getY() + own.getHeight()) {
            lines(svg, name, cx, y, 7);
        } else {
            // Above the shape (a gateway's question): lines run up from the given baseline.
            int count = wrap(name, 7).size();
            lines(svg, name, cx, y - (count - 1) * LINE_HEIGHT, 7);
        }
    }

    private static final int LINE_HEIGHT = 16;

    /** Centred text, wrapped every {@code perLine} characters at most, centred on {@code y}. */
    private static void label(StringBuilder svg, String text, double cx, double y, int perLine) {
        int count = wrap(text, perLine).size();
        lines(svg, text, cx, y - (count - 1) * LINE_HEIGHT / 2.0, perLine);
    }

    /**
     * Lines of at most {@code perLine} characters, balanced (9 characters in 8 make lines of 5 and 4, never 8 and
     * a lone character), breaking after a closing bracket or 、 where one falls near the balanced point.
     */
    static java.util.List<String> wrap(String text, int perLine) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        int count = (text.length() + perLine - 1) / perLine;
        int rest = text.length();
        int start = 0;
        while (count > 0) {
            int even = (rest + count - 1) / count;
            int end = Math.min(text.length(), start + even);
            for (int k = end; k < Math.min(text.length(), start + perLine) && k <= end + 2; k++) {
                if ("）)、".indexOf(text.charAt(k - 1)) >= 0 && k > end) {
                    end = k;
                    break;
                }
            }
            lines.add(text.substring(start, end));
            rest -= end - start;
            start = end;
            count--;
            if (count == 0 && start < text.length()) {
                count = 1;
            }
        }
        return lines;
    }

    /** Centred lines starting at baseline {@code top}, one below the other. */
    private static void lines(StringBuilder svg, String text, double cx, double top, int perLine) {
        java.util.List<String> lines = wrap(text, perLine);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>",
                    cx, top + i * LINE_HEIGHT, escape(line)));
        }
    }

    private static String processName(BpmnModelInstance model) {
        return model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                .map(p -> p.getName() == null ? "" : p.getName()).findFirst().orElse("");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
