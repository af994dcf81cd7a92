/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE `customers` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_email` (`email`(191)) USING BTREE,
  KEY `k` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
DELIMITER //
CREATE TRIGGER x BEFORE INSERT ON customers FOR EACH ROW BEGIN SET NEW.email = LOWER(NEW.email); END //
DELIMITER ;
ALTER TABLE customers ADD UNIQUE INDEX uk_x (email), DROP INDEX uk_email, RENAME TO clients;
