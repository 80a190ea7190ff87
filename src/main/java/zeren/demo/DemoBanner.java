package zeren.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** With the demo on, every page's layout shows the banner that the data is a demo ({@code demoData}). */
@ControllerAdvice(annotations = Controller.class)
@ConditionalOnProperty(name = "zeren.demo", havingValue = "true")
class DemoBanner {

	@ModelAttribute("demoData")
	boolean demoData() {
		return true;
	}
}
