package io.plughome.platform;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This box's addresses on the home network, for links shown to the owner (Home Assistant's "visit"). */
public final class LanAddresses {

    private LanAddresses() {
    }

    /** The first private (site-local) IPv4 address of an interface that is up, if there is one. */
    public static Optional<String> first() {
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback() || n.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return Optional.of(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // none known
        }
        return Optional.empty();
    }
}
