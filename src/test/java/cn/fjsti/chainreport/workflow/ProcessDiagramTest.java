package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The process pictures of every BPMN file: labels wrapped evenly, nothing outside the picture, no label over a shape. */
class ProcessDiagramTest {

    @Test
    void shouldWrapLabelsIntoBalancedLinesKeepingEveryCharacter() {
        assertThat(ProcessDiagram.wrap("确定本县重点产业链", 8)).containsExactly("确定本县重", "点产业链");
        assertThat(ProcessDiagram.wrap("各县均已确定产业链", 7)).containsExactly("各县均已确", "定产业链");
        assertThat(ProcessDiagram.wrap("已报送", 7)).containsExactly("已报送");
        assertThat(ProcessDiagram.wrap("", 7)).isEmpty();
        for (String text : List.of("最后一县时告知调研工作", "向各县（市、区）与设区市分派任务", "一二三四五六七八九十一二三四五")) {
            for (int perLine = 3; perLine <= 9; perLine++) {
                List<String> lines = ProcessDiagram.wrap(text, perLine);
                assertThat(String.join("", lines)).isEqualTo(text);
                assertThat(lines).allSatisfy(line -> assertThat(line).isNotEmpty());
                int longest = lines.stream().mapToInt(String::length).max().orElseThrow();
                int shortest = lines.stream().mapToInt(String::length).min().orElseThrow();
                assertThat(longest - shortest).as(text + " in " + perLine + ": " + lines).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void shouldKeepEveryFlowAndLabelInsideThePictureAndEveryEventLabelOffItsCircle() {
        Pattern viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
        Pattern point = Pattern.compile("(-?\\d+),(-?\\d+)");
        Pattern text = Pattern.compile("<text x=\"(-?\\d+)\" y=\"(-?\\d+)\"");
        Pattern circle = Pattern.compile("<circle cx=\"(\\d+)\" cy=\"(\\d+)\" r=\"(\\d+)\"");
        File[] files = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).isNotEmpty();
        for (File file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            String svg = ProcessDiagram.svg(model, Set.of(), Set.of());
            Matcher box = viewBox.matcher(svg);
            assertThat(box.find()).isTrue();
            int width = Integer.parseInt(box.group(1));
            int height = Integer.parseInt(box.group(2));
            Matcher polylines = Pattern.compile("points=\"([^\"]+)\"").matcher(svg);
            while (polylines.find()) {
                Matcher p = point.matcher(polylines.group(1));
                while (p.find()) {
                    assertThat(Integer.parseInt(p.group(2))).as(file + " flow point").isBetween(0, height);
                    assertThat(Integer.parseInt(p.group(1))).as(file + " flow point").isBetween(0, width);
                }
            }
            List<int[]> circles = new ArrayList<>();
            Matcher c = circle.matcher(svg);
            while (c.find()) {
                circles.add(new int[] {Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3))});
            }
            Matcher t = text.matcher(svg);
            while (t.find()) {
                int x = Integer.parseInt(t.group(1));
                int y = Integer.parseInt(t.group(2));
                assertThat(y).as(file + " label").isBetween(0, height);
                for (int[] e : circles) {
                    // A 13-px line of text, baseline y, centred on x: it must not cross the circle's middle band.
                    boolean overCircle = Math.abs(x - e[0]) < e[2] && y > e[1] - e[2] / 2 && y - 10 < e[1] + e[2] / 2;
                    assertThat(overCircle).as(file + ": a label at " + x + "," + y + " lies over an event").isFalse();
                }
            }
        }
    }
}
