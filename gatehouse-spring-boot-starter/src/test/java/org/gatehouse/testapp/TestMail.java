package org.gatehouse.testapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** One GreenMail SMTP server for the whole test JVM, the real thing the application talks to. */
public final class TestMail {

	/** A free port, not a fixed one: test JVMs of other worktrees run at the same time on this machine. */
	public static final int SMTP_PORT = freePort();
	private static final GreenMail SERVER = start();
	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private TestMail() {
	}

	private static GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static GreenMail server() {
		return SERVER;
	}

	public static List<MimeMessage> to(String address) {
		return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** Waits (polling, with a deadline) for the n-th mail to an address and returns the first link in it. */
	public static String awaitLink(String address, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> mails = to(address);
			if (mails.size() >= count) {
				String body = GreenMailUtil.getBody(mails.get(count - 1));
				Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
				if (m.find()) {
					return m.group();
				}
				throw new AssertionError("No link in mail: " + body);
			}
			SERVER.waitForIncomingEmail(200, SERVER.getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail number " + count + " to " + address);
	}
}
