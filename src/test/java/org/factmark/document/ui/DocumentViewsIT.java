package org.factmark.document.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.document.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class DocumentViewsIT extends SpringBrowserlessTest {

    private List<String> titlesIn(DocumentListView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(Document::title).toList();
    }

    @Test
    void a_reviewer_sees_the_three_demo_articles_in_the_list() {
        DocumentListView view = navigate(DocumentListView.class);

        assertThat(titlesIn(view)).contains(
                "U.S. rejects Putin’s suggestion of Ukraine ceasefire, sources say",
                "US Rejects Putin’s Suggestion of Ukraine Ceasefire: Report");
    }

    @Test
    void searching_narrows_the_list_to_matching_documents() {
        DocumentListView view = navigate(DocumentListView.class);

        // Only the tabloid speaks of casualties; stemming matches the singular too.
        test(view.search).setValue("casualty");

        assertThat(titlesIn(view)).containsExactly(
                "Putin floated a Ukraine ceasefire and the US dismissed it, report says");
    }

    @Test
    void adding_a_document_opens_it_with_its_text_shown_as_text() {
        AddDocumentView add = navigate(AddDocumentView.class);
        test(add.title).setValue("Pasted <b>story</b>");
        test(add.outlet).setValue("Example Wire");
        test(add.text).setValue("First paragraph with <script>alert(1)</script>.\n\nSecond paragraph.");

        test(add.save).click();

        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).matches("documents/\\d+");
        assertThat($(H2.class).first().getText()).isEqualTo("Pasted <b>story</b>");
        Element text = descendantWithTag(getCurrentView().getElement(), "fm-annotator").orElseThrow();
        assertThat(text.getProperty("text"))
                .isEqualTo("First paragraph with <script>alert(1)</script>.\n\nSecond paragraph.");
        assertThat(text.getChildCount()).as("the text is a property, drawn as text nodes").isZero();
    }

    private static Optional<Element> descendantWithTag(Element root, String tag) {
        if (root.isTextNode()) {
            return Optional.empty();
        }
        if (root.getTag().equals(tag)) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> descendantWithTag(child, tag)).flatMap(Optional::stream).findFirst();
    }

    @Test
    void an_uploaded_html_page_fills_the_form_with_its_readable_text_and_title() {
        AddDocumentView add = navigate(AddDocumentView.class);
        String page = "<html><head><title>Ceasefire story</title><script>steal()</script></head>"
                + "<body><p>First paragraph.</p><p>Second <b>one</b>.</p></body></html>";

        test(add.upload).upload("story.html", "text/html", page.getBytes(StandardCharsets.UTF_8));

        assertThat(add.title.getValue()).isEqualTo("Ceasefire story");
        assertThat(add.text.getValue()).isEqualTo("First paragraph.\n\nSecond one.");
    }

    @Test
    void an_uploaded_text_file_keeps_its_text_and_is_titled_after_its_name() {
        AddDocumentView add = navigate(AddDocumentView.class);

        test(add.upload).upload("wire-copy.txt", "text/plain", "\uFEFFLine one\r\nLine two".getBytes(StandardCharsets.UTF_8));

        assertThat(add.title.getValue()).isEqualTo("wire-copy");
        assertThat(add.text.getValue()).isEqualTo("Line one\r\nLine two");
    }

    @Nested
    class WhenInputIsRefused {

        @Test
        void a_document_without_text_is_refused_at_the_text_and_the_form_keeps_what_was_typed() {
            AddDocumentView add = navigate(AddDocumentView.class);
            test(add.title).setValue("Title I typed");

            test(add.save).click();

            assertThat(getCurrentView()).isInstanceOf(AddDocumentView.class);
            assertThat(add.text.isInvalid()).isTrue();
            assertThat(add.text.getErrorMessage()).isEqualTo("The text is empty.");
            assertThat($(Notification.class).all()).isEmpty();
            assertThat(add.title.getValue()).isEqualTo("Title I typed");
            assertThat(add.save.isEnabled()).as("the corrected form can be saved again").isTrue();
        }

        @Test
        void an_upload_that_is_not_utf8_is_refused_and_the_form_keeps_its_text() {
            AddDocumentView add = navigate(AddDocumentView.class);
            test(add.text).setValue("Text already pasted");

            test(add.upload).upload("latin1.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xE9});

            assertThat(add.uploadProblem.getText())
                    .isEqualTo("latin1.txt is not UTF-8 text; save it as UTF-8 and try again.");
            assertThat(add.text.getValue()).isEqualTo("Text already pasted");
        }

        @Test
        void an_upload_over_the_size_limit_is_refused_on_the_server() {
            AddDocumentView add = navigate(AddDocumentView.class);

            test(add.upload).upload("huge.txt", "text/plain", new byte[AddDocumentView.MAX_UPLOAD_BYTES + 1]);

            assertThat(add.uploadProblem.getText())
                    .isEqualTo("huge.txt was not read: it is larger than 5 MiB, the most Factmark reads.");
            assertThat(add.text.getValue()).isEmpty();
        }

        @Test
        void an_upload_of_another_kind_of_file_is_refused() {
            AddDocumentView add = navigate(AddDocumentView.class);

            test(add.upload).upload("report.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));

            assertThat(add.uploadProblem.getText())
                    .isEqualTo("report.pdf was not read: Factmark reads .txt, .md and .html files only.");
            assertThat(add.text.getValue()).isEmpty();
        }
    }
}
