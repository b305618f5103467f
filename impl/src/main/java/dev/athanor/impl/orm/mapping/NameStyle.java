package dev.athanor.impl.orm.mapping;

/** Java names to SQL names: {@code timeCreated} to {@code time_created}, {@code OrderLine} to {@code order_line}. */
public final class NameStyle {
    private NameStyle() {
    }

    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
                boolean beforeLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || beforeLower) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
