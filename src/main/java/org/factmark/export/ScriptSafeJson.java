package org.factmark.export;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * ClaimReview JSON-LD is meant to be pasted into a page's {@code <script type="application/ld+json">}.
 * Every JSON the application writes therefore escapes {@code <}, {@code >} and {@code &} (so a reviewer's
 * {@code </script>} cannot close that element) and U+2028/U+2029 (line breaks to older JavaScript) as
 * {@code \}{@code uXXXX}: parsed as JSON, the text is exactly what was written.
 */
@Configuration(proxyBeanMethods = false)
class ScriptSafeJson {

    @Bean
    static JsonFactoryBuilderCustomizer scriptSafeJsonEscapes() {
        return factory -> factory.characterEscapes(new Escapes());
    }

    private static final class Escapes extends CharacterEscapes {

        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        static {
            for (char c : new char[] {'<', '>', '&'}) {
                ASCII[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '\u2028' -> LINE_SEPARATOR;
                case '\u2029' -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
