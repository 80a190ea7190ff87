package zeren;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Zeren (责任): the living record of the principal responsibility for Party conduct and clean
 * government. Each direct sub-package is one Spring Modulith module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZerenApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZerenApplication.class, args);
	}
}
