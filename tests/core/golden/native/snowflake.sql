CREATE OR REPLACE MASKING POLICY "analytics"."raw"."maskline_customers_email" AS (val VARCHAR) RETURNS VARCHAR -> CASE WHEN IS_ROLE_IN_SESSION('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE CASE WHEN CHARINDEX('@', val) > 1 AND REGEXP_REPLACE(val, '[^@\\s<>,;:"\'()]', '') = '@' THEN '*****' || SUBSTRING(val, CHARINDEX('@', val)) ELSE REPEAT('*', GREATEST(LENGTH(val), 0)) END END END;

ALTER TABLE "analytics"."raw"."customers" MODIFY COLUMN "email" SET MASKING POLICY "analytics"."raw"."maskline_customers_email" FORCE;

CREATE OR REPLACE MASKING POLICY "analytics"."raw"."maskline_customers_ssn" AS (val VARCHAR) RETURNS VARCHAR -> CASE WHEN IS_ROLE_IN_SESSION('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE CASE WHEN LENGTH(val) <= 4 THEN REPEAT('*', GREATEST(LENGTH(val), 0)) ELSE REPEAT('*', GREATEST(LENGTH(val) - 4, 0)) || RIGHT(val, 4) END END END;

ALTER TABLE "analytics"."raw"."customers" MODIFY COLUMN "ssn" SET MASKING POLICY "analytics"."raw"."maskline_customers_ssn" FORCE;

CREATE OR REPLACE MASKING POLICY "analytics"."raw"."maskline_customers_username" AS (val VARCHAR) RETURNS VARCHAR -> CASE WHEN IS_ROLE_IN_SESSION('PII_READER') THEN val ELSE SUBSTRING(HEX_ENCODE(SHA2_BINARY(CONCAT(TO_BINARY((SELECT opad FROM maskline_private.maskline_key), 'HEX'), SHA2_BINARY(CONCAT(TO_BINARY((SELECT ipad FROM maskline_private.maskline_key), 'HEX'), TO_BINARY(val, 'UTF-8')), 256)), 256), 0), 1, 16) END;

ALTER TABLE "analytics"."raw"."customers" MODIFY COLUMN "username" SET MASKING POLICY "analytics"."raw"."maskline_customers_username" FORCE;

CREATE OR REPLACE MASKING POLICY "analytics"."raw"."maskline_customers_phone" AS (val VARCHAR) RETURNS VARCHAR -> CASE WHEN IS_ROLE_IN_SESSION('PII_READER') THEN val ELSE CASE WHEN val IS NULL THEN NULL ELSE REGEXP_REPLACE(val, '[^- .,@_+:/()#]', '*') END END;

ALTER TABLE "analytics"."raw"."customers" MODIFY COLUMN "phone" SET MASKING POLICY "analytics"."raw"."maskline_customers_phone" FORCE;
