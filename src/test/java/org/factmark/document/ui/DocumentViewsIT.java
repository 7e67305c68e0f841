package org.factmark.document.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
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

        assertThat(getCurrentView()).isInstanceOf(DocumentView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Pasted <b>story</b>");
        Div text = $(Div.class).withClassName("document-text").single();
        assertThat(text.getText()).isEqualTo("First paragraph with <script>alert(1)</script>.\n\nSecond paragraph.");
        assertThat(text.getChildren()).isEmpty();
    }

    @Nested
    class WhenInputIsRefused {

        @Test
        void a_document_without_text_is_refused_with_a_message_and_the_form_keeps_what_was_typed() {
            AddDocumentView add = navigate(AddDocumentView.class);
            test(add.title).setValue("Title I typed");

            // Browserless tests receive a listener's exception directly; in a browser it goes to the
            // session's error handler, which is what the user sees, so hand it over the same way.
            Throwable refused = catchThrowable(() -> test(add.save).click());
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(refused));

            assertThat(getCurrentView()).isInstanceOf(AddDocumentView.class);
            assertThat(test($(Notification.class).last()).getText()).isEqualTo("The text is empty.");
            assertThat(add.title.getValue()).isEqualTo("Title I typed");
        }
    }
}
