package org.factmark.common;

/**
 * What counts as blank: text with no character a reader can see. Besides whitespace that is Unicode's default-ignorable code points (zero-width space and joiners, the byte-order
 * mark, the soft hyphen, bidi controls, variation selectors, tags...), which render as nothing, so a
 * title or a claim made only of them would look empty.
 */
public final class VisibleText {

    /** Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, Unicode 15/16). */
    private static final int[][] DEFAULT_IGNORABLE = {
        {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
        {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };

    private VisibleText() {
    }

    /** True for null, empty, and text that holds only invisible characters. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().allMatch(VisibleText::isInvisible);
    }

    public static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        for (int[] range : DEFAULT_IGNORABLE) {
            if (codePoint < range[0]) {
                return false;
            }
            if (codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
