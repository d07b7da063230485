package fr.communs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Point d'entrée de la plateforme Communs. */
@SpringBootApplication
public class CommunsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunsApplication.class, args);
    }
}
