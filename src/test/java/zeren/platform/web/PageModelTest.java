package zeren.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

class PageModelTest {

	@Controller
	static class Page {

		@GetMapping("/page")
		String page() {
			return "index";
		}

		@GetMapping("/page/file")
		@ResponseBody
		byte[] file() {
			return new byte[0];
		}
	}

	@RestController
	static class Api {

		@GetMapping("/api/v1/thing")
		String thing() {
			return "{}";
		}
	}

	@Test
	void the_layout_model_is_for_pages_not_for_the_api_or_a_download() throws Exception {
		assertThat(PageModel.wanted(handledBy(new Page(), "page"))).isTrue();
		assertThat(PageModel.wanted(handledBy(new Page(), "file"))).isFalse();
		assertThat(PageModel.wanted(handledBy(new Api(), "thing"))).isFalse();
		// no handler known (an error page): the layout needs its model
		assertThat(PageModel.wanted(new MockHttpServletRequest())).isTrue();
	}

	private static MockHttpServletRequest handledBy(Object bean, String method) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				new HandlerMethod(bean, bean.getClass().getDeclaredMethod(method)));
		return request;
	}
}
