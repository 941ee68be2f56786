package io.arcollect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArCollectApplication {

  public static void main(String[] args) {
    SpringApplication.run(ArCollectApplication.class, args);
  }
}
