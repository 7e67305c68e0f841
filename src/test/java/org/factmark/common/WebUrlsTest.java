package org.factmark.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebUrlsTest {

    @Test
    void an_address_with_a_space_is_refused_naming_the_character_and_its_place_in_plain_words() {
        assertThatThrownBy(() -> WebUrls.requireHttp("https://example.org/a report.pdf", "The URL"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The URL is not a web address: “ ” cannot stand at character 22 (a space, for example, is "
                        + "written %20).")
                .hasMessageNotContaining("Illegal character");
    }

    @Test
    void a_well_formed_https_address_is_kept_as_typed() {
        assertThat(WebUrls.requireHttp("  https://example.org/a%20report.pdf ", "The URL"))
                .isEqualTo("https://example.org/a%20report.pdf");
    }
}
