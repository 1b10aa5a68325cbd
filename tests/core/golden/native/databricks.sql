CREATE OR REPLACE FUNCTION `main`.`raw`.`maskline_customers_email`(val STRING) RETURNS STRING RETURN CASE WHEN IS_ACCOUNT_GROUP_MEMBER('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE CASE WHEN LOCATE('@', val) > 1 AND REGEXP_REPLACE(val, '[^@\\s<>,;:"\'()]', '') = '@' THEN '*****' || SUBSTRING(val, LOCATE('@', val)) ELSE REPEAT('*', GREATEST(LENGTH(val), 0)) END END END;

ALTER TABLE `main`.`raw`.`customers` ALTER COLUMN `email` SET MASK `main`.`raw`.`maskline_customers_email`;

CREATE OR REPLACE FUNCTION `main`.`raw`.`maskline_customers_ssn`(val STRING) RETURNS STRING RETURN CASE WHEN IS_ACCOUNT_GROUP_MEMBER('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE CASE WHEN LENGTH(val) <= 4 THEN REPEAT('*', GREATEST(LENGTH(val), 0)) ELSE REPEAT('*', GREATEST(LENGTH(val) - 4, 0)) || RIGHT(val, 4) END END END;

ALTER TABLE `main`.`raw`.`customers` ALTER COLUMN `ssn` SET MASK `main`.`raw`.`maskline_customers_ssn`;

CREATE OR REPLACE FUNCTION `main`.`raw`.`maskline_customers_username`(val STRING) RETURNS STRING RETURN CASE WHEN IS_ACCOUNT_GROUP_MEMBER('PII_READER') THEN val ELSE SUBSTRING(SHA2(CONCAT(UNHEX((SELECT opad FROM maskline_private.maskline_key)), UNHEX(SHA2(CONCAT(UNHEX((SELECT ipad FROM maskline_private.maskline_key)), ENCODE(val, 'UTF-8')), 256))), 256), 1, 16) END;

ALTER TABLE `main`.`raw`.`customers` ALTER COLUMN `username` SET MASK `main`.`raw`.`maskline_customers_username`;

CREATE OR REPLACE FUNCTION `main`.`raw`.`maskline_customers_phone`(val STRING) RETURNS STRING RETURN CASE WHEN IS_ACCOUNT_GROUP_MEMBER('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE REGEXP_REPLACE(val, '[^- .,@_+:/()#]', '*') END END;

ALTER TABLE `main`.`raw`.`customers` ALTER COLUMN `phone` SET MASK `main`.`raw`.`maskline_customers_phone`;
