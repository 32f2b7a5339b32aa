import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Counts executed tests from every JUnit XML report under the given root (Surefire's surefire-reports and
 * bnd-testing's test-reports) and prints one line: "N passed, N failed, N skipped". Exit code 1 when any
 * test failed or fewer than the floor passed. Counted per testcase, so a runner's own summary is not trusted.
 */
public class TestCount {
    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args[0]);
        int floor = Integer.parseInt(args[1].trim());
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root)) {
            reports = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(p -> p.toString().contains("/target/surefire-reports/")
                            || p.toString().contains("/target/test-reports/"))
                    .sorted().toList();
        }
        int passed = 0, failed = 0, skipped = 0;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Path report : reports) {
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            int p = 0, f = 0, s = 0;
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                if (c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength() > 0) {
                    f++;
                } else if (c.getElementsByTagName("skipped").getLength() > 0) {
                    s++;
                } else {
                    p++;
                }
            }
            System.out.printf("  %-80s %4d passed %3d failed %3d skipped%n", root.relativize(report), p, f, s);
            passed += p;
            failed += f;
            skipped += s;
        }
        System.out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        if (failed > 0) {
            System.exit(1);
        }
        if (passed < floor) {
            System.out.println("fewer tests passed than the floor in .ci/min-tests (" + floor + ")");
            System.exit(1);
        }
    }
}
