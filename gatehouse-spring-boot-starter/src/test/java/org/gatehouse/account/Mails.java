package org.gatehouse.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.gatehouse.testapp.TestMail;

/** Waiting for mails by subject, polling with a deadline. */
public final class Mails {

	private Mails() {
	}

	public static List<String> subjects(String address) {
		return TestMail.to(address).stream().map(Mails::subject).toList();
	}

	/** Waits until the address has received a mail with that subject. */
	public static void awaitSubject(String address, String subject) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			if (subjects(address).contains(subject)) {
				return;
			}
			TestMail.server().waitForIncomingEmail(200, TestMail.server().getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail '" + subject + "' to " + address + "; got " + subjects(address));
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
