package zeren.support;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Base of the persistence and API tests. Each contract is an abstract subclass; it runs on H2
 * through a plain subclass and on PostgreSQL through a subclass marked {@link OnPostgres}.
 * Tests share one database per context, so each test names its data with a fresh prefix.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTest {

	@Autowired
	protected MockMvc mvc;

	/** A prefix no other test uses, for codes and names. */
	protected static String unique() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-";
	}

	protected static MockHttpServletRequestBuilder postJson(String url, String json) {
		return MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(json);
	}
}
