package org.factmark.document;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page into the readable text a reviewer annotates: scripts, styles and other
 * non-content are dropped, block elements become paragraphs, and {@code <br>} a line break.
 */
final class HtmlText {

    record Extracted(String title, String text) {
    }

    private HtmlText() {
    }

    static Extracted extract(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("script, style, noscript, template, iframe, object, embed, svg, canvas, nav, form").remove();
        var text = new StringBuilder();
        page.body().traverse(new ParagraphWriter(text));
        return new Extracted(page.title().strip(), tidy(text));
    }

    private static String tidy(CharSequence text) {
        return text.toString().replaceAll("\\n{3,}", "\n\n").strip();
    }

    private record ParagraphWriter(StringBuilder out) implements NodeVisitor {

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                String words = isPreformatted(textNode) ? textNode.getWholeText()
                        : textNode.getWholeText().replaceAll("\\s+", " ");
                if (words.startsWith(" ") && (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                    words = words.substring(1);
                }
                out.append(words);
            } else if (node instanceof Element element) {
                if (element.nameIs("br")) {
                    breakLine("\n");
                } else if (element.isBlock()) {
                    breakLine("\n\n");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
                breakLine("\n\n");
            }
        }

        /** A space before a line break is an artefact of the markup's indentation, not text. */
        private void breakLine(String lineBreak) {
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append(lineBreak);
        }

        private static boolean isPreformatted(TextNode node) {
            for (Element parent = node.parent() instanceof Element e ? e : null; parent != null;
                    parent = parent.parent()) {
                if (parent.nameIs("pre") || parent.nameIs("textarea")) {
                    return true;
                }
            }
            return false;
        }
    }
}
