package org.factmark.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.factmark.IntegrationTest;
import org.factmark.common.InputTooLargeException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class DocumentServiceIT {

    @Autowired
    DocumentService documents;
    @Autowired
    JdbcClient jdbc;

    private Document add(String title, String text) {
        return documents.add(new NewDocument(title, text, null, null, null));
    }

    @Test
    void line_endings_become_newlines_and_nothing_else_changes() {
        String text = "  Title line\r\nSecond\rThird\n\n\tIndented  \r\n";

        Document stored = add("Line endings", text);

        assertThat(documents.getWithText(stored.id()).text()).isEqualTo("  Title line\nSecond\nThird\n\n\tIndented  \n");
    }

    @Test
    void unicode_text_round_trips_exactly_and_its_length_counts_utf16_code_units() {
        // Emoji with ZWJ, a combining mark, CJK, Hebrew and Arabic: each must come back untouched.
        String text = "👩‍👩‍👧 family; cafe\u0301; 東京; שלום; مرحبا";

        Document stored = add("Unicode", text);

        assertThat(documents.getWithText(stored.id()).text()).isEqualTo(text);
        assertThat(stored.textLength()).isEqualTo(text.length());
    }

    @Test
    void the_hash_is_the_sha256_of_the_utf8_bytes_of_the_stored_text() {
        Document stored = add("Hash", "Line one\r\nLine two 😀");

        // printf 'Line one\nLine two 😀' | sha256sum
        assertThat(stored.sha256()).isEqualTo("f640d506919d1d36e37f81d0d0e4abb1b333eac2778345fa04815bd55d3f67c2");
    }

    @Test
    void the_document_records_who_added_it() {
        assertThat(add("Mine", "text").createdBy()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t "})
    void empty_text_is_refused(String text) {
        assertThatThrownBy(() -> add("Empty", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void text_with_nul_is_refused() {
        assertThatThrownBy(() -> add("Binary", "abc\0def"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void text_over_two_mebibytes_of_utf8_is_refused_as_too_large() {
        // 700,000 three-byte characters: short in UTF-16 but over the limit in UTF-8.
        String text = "東".repeat(700_000);

        assertThatThrownBy(() -> add("Too big", text)).isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void text_of_exactly_two_mebibytes_is_accepted() {
        Document stored = add("Just fits", "ceasefire ".repeat(2 * 1024 * 1024 / 10) + "x".repeat(2 * 1024 * 1024 % 10));

        assertThat(stored.textLength()).isEqualTo(2 * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "ftp://example.org",
            "https://", "not a url"})
    void only_http_and_https_urls_are_accepted(String url) {
        assertThatThrownBy(() -> documents.add(new NewDocument("Link", "text", url, null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void text_that_postgresql_would_refuse_or_change_is_refused_with_a_message() {
        assertThatThrownBy(() -> documents.add(new NewDocument("Title\0", "text", null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> add("Lone surrogate", "a\ud800b"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> documents.add(new NewDocument("Far future", "text", null, null,
                LocalDate.of(99999, 1, 1)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("9999");
        assertThatThrownBy(() -> documents.search("ceasefire\0", 0, 10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_title_is_required() {
        assertThatThrownBy(() -> add("  ", "text")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title");
    }

    @Test
    void the_stored_text_cannot_be_changed_even_in_sql() {
        Document stored = add("Immutable", "original");

        assertThatThrownBy(() -> jdbc.sql("update document set body = 'changed' where id = :id")
                .param("id", stored.id()).update())
                .hasMessageContaining("cannot change");
        assertThat(documents.getWithText(stored.id()).text()).isEqualTo("original");
    }

    @Test
    void an_unknown_document_is_not_found() {
        assertThatThrownBy(() -> documents.get(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void search_finds_words_in_the_text_by_their_stem() {
        Document stored = add("Weather report", "Forecasters predicted thunderstorms over the estuaries.");

        List<Document> hits = documents.search("thunderstorm estuary", 0, 10);

        assertThat(hits).extracting(Document::id).containsExactly(stored.id());
        assertThat(documents.count("thunderstorm estuary")).isEqualTo(1);
    }

    @Test
    void search_finds_words_in_the_title() {
        add("Zeppelin sighting", "Nothing in the text about it.");

        assertThat(documents.search("zeppelin", 0, 10)).extracting(Document::title).containsExactly("Zeppelin sighting");
    }

    @Test
    void search_syntax_typed_by_users_never_breaks_the_query() {
        assertThat(documents.search("\"unclosed phrase -or & | ! ) (", 0, 10)).isNotNull();
    }

    @Test
    void the_demo_articles_are_there_with_their_outlets() {
        assertThat(documents.search("ceasefire", 0, 100)).extracting(Document::outlet)
                .contains("Long-form daily", "News-brief site", "Tabloid");
    }

    @Test
    @WithUserDetails("admin")
    void every_role_may_read_documents() {
        assertThat(documents.count(null)).isPositive();
    }

    @Test
    void without_a_signed_in_user_nothing_is_readable() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> documents.count(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
