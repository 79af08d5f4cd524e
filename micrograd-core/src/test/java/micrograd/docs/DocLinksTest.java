package micrograd.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;

/**
 * Every link of the README and the docs pages that stays in the repository resolves: to a file or folder that
 * exists, and, with a {@code #fragment} into a page, to one of that page's headings (GitHub's anchors). Links to
 * other sites are left to the reader.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCED = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]*`", Pattern.DOTALL);

    /** The anchor GitHub gives a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
    static String anchorOf(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<String> anchorsOf(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        String text = FENCED.matcher(Files.readString(page)).replaceAll("");
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(anchorOf(line.replaceFirst("^#+", "")));
            }
        }
        return anchors;
    }

    static List<String> linksOf(String page) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(CODE.matcher(page).replaceAll(""));
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }

    @Test
    void everyLinkWithinTheRepositoryResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : DocPages.pages()) {
            for (String link : linksOf(Files.readString(page))) {
                if (link.matches("^[a-z]+:.*")) {
                    continue;
                }
                checked++;
                String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(DocPages.ROOT) || !Files.exists(target)) {
                    broken.add(DocPages.ROOT.relativize(page) + ": " + link + " (no such file)");
                } else if (fragment != null && !anchorsOf(target).contains(fragment)) {
                    broken.add(DocPages.ROOT.relativize(page) + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        List<String> readmeLinks = linksOf(Files.readString(DocPages.ROOT.resolve("README.md")));
        for (Path page : DocPages.pages().subList(1, DocPages.pages().size())) {
            assertThat(readmeLinks).as("the README's links").contains("docs/" + page.getFileName());
        }
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(anchorOf("The demo in the page")).isEqualTo("the-demo-in-the-page");
        assertThat(anchorOf("Field order: `b` before `a`")).isEqualTo("field-order-b-before-a");
        assertThat(anchorOf("The tape and the threads (`micrograd.fast`)"))
                .isEqualTo("the-tape-and-the-threads-microgradfast");
    }
}
