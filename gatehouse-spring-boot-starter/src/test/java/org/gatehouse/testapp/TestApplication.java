package org.gatehouse.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** A bare application with nothing but the starter, as a third-party application would have. */
@SpringBootApplication
public class TestApplication {

	/** Started with the context, so the first mail of the first test already has a server. */
	@Bean(destroyMethod = "")
	com.icegreen.greenmail.util.GreenMail testSmtpServer() {
		return TestMail.server();
	}

	/** MockMvc sends no Host header by default; a real browser always does, and Gatehouse requires one. */
	@Bean
	MockMvcBuilderCustomizer hostHeader() {
		return builder -> builder.defaultRequest(get("/").header("Host", "localhost"));
	}
}
