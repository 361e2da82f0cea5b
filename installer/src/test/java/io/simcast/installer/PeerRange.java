package io.simcast.installer;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A coturn peer address range ({@code FIRST-LAST} or one address), to ask which addresses it covers. */
record PeerRange(byte[] first, byte[] last) {
    static PeerRange parse(String text) {
        String[] ends = text.split("-", 2);
        return new PeerRange(bytes(ends[0]), bytes(ends.length == 2 ? ends[1] : ends[0]));
    }

    boolean contains(String address) {
        byte[] value = bytes(address);
        if (value.length != first.length) {
            return false;
        }
        BigInteger number = new BigInteger(1, value);
        return number.compareTo(new BigInteger(1, first)) >= 0 && number.compareTo(new BigInteger(1, last)) <= 0;
    }

    /** The address's bytes; an IPv4-mapped IPv6 address keeps its 16 bytes (Java would make it IPv4). */
    private static byte[] bytes(String address) {
        try {
            if (address.toLowerCase().startsWith("::ffff:") && address.contains(".")) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(InetAddress.getByName(address.substring(7)).getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return InetAddress.getByName(address.strip()).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }
}
