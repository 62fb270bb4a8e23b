package dev.modq.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv4/IPv6 literals and CIDR blocks, parsed by hand: {@code InetAddress.getByName} would do DNS
 * look-ups for anything that is not a literal, which a filter must never do.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The 4 or 16 bytes of an IP literal, or null when {@code text} is not one (no zone ids, no host names). */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    /** Whether {@code ip} lies in {@code cidr}; false for anything unparsable. IPv4-mapped IPv6 matches IPv4 blocks. */
    public static boolean inCidr(String ip, String cidr) {
        if (ip == null || cidr == null || cidrProblem(cidr) != null) {
            return false;
        }
        byte[] address = parse(ip);
        if (address == null) {
            return false;
        }
        int slash = cidr.indexOf('/');
        byte[] network = parse(cidr.substring(0, slash));
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        address = sameFamily(address, network.length);
        return address != null && samePrefix(address, network, bits);
    }

    /** Null when {@code cidr} is a valid block such as 10.0.0.0/8 or 2001:db8::/32, else what is wrong with it. */
    public static String cidrProblem(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return "expected address/prefix-length, e.g. 10.0.0.0/8";
        }
        byte[] network = parse(cidr.substring(0, slash));
        if (network == null) {
            return "'" + Values.show(cidr.substring(0, slash)) + "' is not an IPv4 or IPv6 address";
        }
        String length = cidr.substring(slash + 1);
        int max = network.length * 8;
        if (!Values.isAllDigits(length) || length.length() > 3 || Integer.parseInt(length) > max) {
            return "prefix length must be a number from 0 to " + max;
        }
        return null;
    }

    static void requireCidr(String cidr) {
        String problem = cidrProblem(cidr);
        if (problem != null) {
            throw new IllegalArgumentException("bad CIDR block '" + cidr + "': " + problem);
        }
    }

    /** A text prefix of an address: hex digits, '.' and ':', ending with '.' or ':'. */
    static boolean isPrefix(String text) {
        if (text == null || text.isEmpty() || !(text.endsWith(".") || text.endsWith(":"))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Values.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sameFamily(byte[] address, int length) {
        if (address.length == length) {
            return address;
        }
        if (length == 4 && isV4Mapped(address)) {
            byte[] v4 = new byte[4];
            System.arraycopy(address, 12, v4, 0, 4);
            return v4;
        }
        if (length == 16) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(address, 0, mapped, 12, 4);
            return mapped;
        }
        return null;
    }

    private static boolean isV4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (!Values.isAllDigits(part) || part.length() > 3 || Integer.parseInt(part) > 255) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(part);
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        boolean ok = gap < 0
                ? groups(text, head, true)
                : groups(text.substring(0, gap), head, false) && groups(text.substring(gap + 2), tail, true);
        int count = head.size() + tail.size();
        if (!ok || (gap < 0 ? count != 8 : count > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        int at = 0;
        for (int group : head) {
            out[at++] = (byte) (group >> 8);
            out[at++] = (byte) group;
        }
        at = 16 - 2 * tail.size();
        for (int group : tail) {
            out[at++] = (byte) (group >> 8);
            out[at++] = (byte) group;
        }
        return out;
    }

    /** Colon-separated 16-bit groups; the last may be dotted IPv4 when {@code last} (it is two groups). */
    private static boolean groups(String text, List<Integer> out, boolean last) {
        if (text.isEmpty()) {
            return true;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = parseV4(part);
                if (v4 == null) {
                    return false;
                }
                out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
                return false;
            } else {
                out.add(Integer.parseInt(part, 16));
            }
        }
        return true;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Values.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
