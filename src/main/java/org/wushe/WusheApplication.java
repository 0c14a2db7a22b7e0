package org.wushe;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class WusheApplication {

	/** Wushe's clock: Asia/Shanghai, replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Shanghai"));
	}

	public static void main(String[] args) {
		SpringApplication.run(WusheApplication.class, args);
	}

}
