package org.factmark.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void scripts_styles_and_navigation_are_dropped() {
        var extracted = HtmlText.extract("""
                <html><head><title>Story</title><style>p{color:red}</style></head>
                <body><nav>Home | World</nav><script>alert('x')</script><p>Only this.</p></body></html>""");

        assertThat(extracted.text()).isEqualTo("Only this.");
        assertThat(extracted.title()).isEqualTo("Story");
    }

    @Test
    void paragraphs_stay_paragraphs_and_br_a_line_break() {
        var extracted = HtmlText.extract("""
                <body><h1>Headline</h1>
                  <p>First   paragraph,
                     wrapped.</p>
                  <p>Second<br>line two</p>
                  <ul><li>one</li><li>two</li></ul></body>""");

        assertThat(extracted.text()).isEqualTo("Headline\n\nFirst paragraph, wrapped.\n\nSecond\nline two\n\none\n\ntwo");
    }

    @Test
    void inline_markup_does_not_split_words() {
        var extracted = HtmlText.extract("<p>A <b>bold</b> and <a href='x'>linked</a>claim.</p>");

        assertThat(extracted.text()).isEqualTo("A bold and linkedclaim.");
    }

    @Test
    void entities_become_characters_and_markup_in_text_stays_text() {
        var extracted = HtmlText.extract("<p>Fish &amp; chips &lt;script&gt; &#x1F600;</p>");

        assertThat(extracted.text()).isEqualTo("Fish & chips <script> 😀");
    }

    @Test
    void preformatted_text_keeps_its_spacing() {
        var extracted = HtmlText.extract("<pre>a  b\n  c</pre>");

        assertThat(extracted.text()).isEqualTo("a  b\n  c");
    }
}
