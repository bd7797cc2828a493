package org.example.library;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** One GreenMail SMTP server on a free port for the test JVM: the mail server the library is given. */
final class TestMail {

	private static final GreenMail SERVER = start();
	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private TestMail() {
	}

	private static GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	static int port() {
		return SERVER.getSmtp().getPort();
	}

	/** Waits (with a deadline) for a mail to the address with a link containing {@code fragment}; returns the link. */
	static String awaitLink(String address, String fragment) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			for (MimeMessage mail : SERVER.getReceivedMessages()) {
				if (isTo(mail, address)) {
					Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
					while (link.find()) {
						if (link.group().contains(fragment)) {
							return link.group();
						}
					}
				}
			}
			SERVER.waitForIncomingEmail(250, SERVER.getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail to " + address + " with a " + fragment + " link within 15 s");
	}

	private static boolean isTo(MimeMessage mail, String address) {
		try {
			return Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}
}
