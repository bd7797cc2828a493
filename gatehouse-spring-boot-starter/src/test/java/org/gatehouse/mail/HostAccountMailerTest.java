package org.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.TestApplication;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;

/** An application that sends mail its own way declares an AccountMailer: the account flows' mails go to it. */
@SpringBootTest(classes = { TestApplication.class, HostAccountMailerTest.HostMailer.class }, properties = {
		"spring.datasource.url=jdbc:h2:mem:host-mailer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1" })
@AutoConfigureMockMvc
class HostAccountMailerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	HostMailer host;

	@Test
	void aResetMailGoesToTheApplicationsMailerAndNotBySmtp() throws Exception {
		String email = "host-mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		users.create(email, null, passwords.hashNew("harbor-violet-mosaic-17"), true);

		int status = mvc.perform(post("/lost-password/").with(csrf()).header("Host", "localhost").param("email", email))
			.andReturn().getResponse().getStatus();

		assertThat(status).isEqualTo(200);
		assertThat(host.sent).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo(email);
			assertThat(mail.kind()).isEqualTo("reset");
			assertThat(mail.link()).contains("/lost-password/");
		});
		assertThat(TestMail.to(email)).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	static class HostMailer {

		record Mail(String to, String kind, String link) {
		}

		final List<Mail> sent = new CopyOnWriteArrayList<>();

		@Bean
		AccountMailer hostAccountMailer() {
			return (to, kind, link, more) -> sent.add(new Mail(to, kind, link));
		}
	}
}
