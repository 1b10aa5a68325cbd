-- case: redact
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[REDACTED]' END AS v FROM t;

-- case: redact_label
SELECT CASE WHEN v IS NULL THEN NULL ELSE '[HIDDEN]' END AS v FROM t;

-- case: null
SELECT CAST(NULL AS VARCHAR) AS v FROM t;

-- case: partial_last4
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN RPAD('', GREATEST(LENGTH(v), 0), '*') ELSE RPAD('', GREATEST(LENGTH(v) - 4, 0), '*') || SUBSTR(v, LENGTH(v) - (4 - 1)) END END AS v FROM t;

-- case: partial_first2_last2
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN LENGTH(v) <= 4 THEN RPAD('', GREATEST(LENGTH(v), 0), '#') ELSE SUBSTR(v, 1, 2) || RPAD('', GREATEST(LENGTH(v) - 4, 0), '#') || SUBSTR(v, LENGTH(v) - (2 - 1)) END END AS v FROM t;

-- case: char_mask
SELECT CASE WHEN v IS NULL THEN NULL ELSE REGEXP_REPLACE(v, '[^- .,@_+:/()#]', '*') END AS v FROM t;

-- case: char_mask_all
SELECT CASE WHEN v IS NULL THEN NULL ELSE RPAD('', GREATEST(LENGTH(v), 0), '*') END AS v FROM t;

-- case: email
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN STRPOS(v, '@') > 1 AND REGEXP_REPLACE(v, '[^@\s<>,;:"''()]', '') = '@' THEN '*****' || SUBSTR(v, STRPOS(v, '@')) ELSE RPAD('', GREATEST(LENGTH(v), 0), '*') END END AS v FROM t;

-- case: email_keep1
SELECT CASE WHEN v IS NULL THEN NULL ELSE CASE WHEN STRPOS(v, '@') > 1 AND REGEXP_REPLACE(v, '[^@\s<>,;:"''()]', '') = '@' THEN SUBSTR(v, 1, 1) || '*****' || SUBSTR(v, STRPOS(v, '@')) ELSE RPAD('', GREATEST(LENGTH(v), 0), '*') END END AS v FROM t;

-- case: hash
SELECT LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))) AS v FROM t;

-- case: hash16
SELECT SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 1, 16) AS v FROM t;

-- case: hmac
SELECT LOWER(TO_HEX(HMAC_SHA256(TO_UTF8(v), FROM_HEX(:maskline_salt)))) AS v FROM t;

-- case: hmac16
SELECT SUBSTR(LOWER(TO_HEX(HMAC_SHA256(TO_UTF8(v), FROM_HEX(:maskline_salt)))), 1, 16) AS v FROM t;

-- case: hmac_int
SELECT LOWER(TO_HEX(HMAC_SHA256(TO_UTF8(CAST(v AS VARCHAR)), FROM_HEX(:maskline_salt)))) AS v FROM t;

-- case: generalize_prefix3
SELECT CASE WHEN v IS NULL THEN NULL ELSE SUBSTR(v, 1, 3) || RPAD('', GREATEST(LENGTH(v) - 3, 0), '*') END AS v FROM t;

-- case: generalize_year
SELECT CAST(DATE_TRUNC('YEAR', CAST(v AS DATE)) AS DATE) AS v FROM t;

-- case: generalize_month
SELECT CAST(DATE_TRUNC('MONTH', CAST(v AS DATE)) AS DATE) AS v FROM t;

-- case: generalize_bucket10
SELECT FLOOR(CAST(v AS DOUBLE) / 10) * 10 AS v FROM t;

-- case: fake_name
SELECT CASE WHEN v IS NULL THEN NULL ELSE ELEMENT_AT(ARRAY['Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 1, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 2, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 3, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 4, 1)) - 1) * 1) % 64) + 1) || ' ' || ELEMENT_AT(ARRAY['Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 5, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 6, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 7, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 8, 1)) - 1) * 1) % 64) + 1) END AS v FROM t;

-- case: fake_email
SELECT CASE WHEN v IS NULL THEN NULL ELSE LOWER(ELEMENT_AT(ARRAY['Ada', 'Alan', 'Alba', 'Ana', 'Anton', 'Aria', 'Bea', 'Ben', 'Carla', 'Cyril', 'Dara', 'Dev', 'Eda', 'Eli', 'Emil', 'Ena', 'Finn', 'Flora', 'Gia', 'Gus', 'Hana', 'Hugo', 'Ida', 'Ines', 'Ivo', 'Jana', 'Joel', 'Kai', 'Kira', 'Lars', 'Lea', 'Leo', 'Lina', 'Luca', 'Mara', 'Milo', 'Nia', 'Noor', 'Olaf', 'Omar', 'Pia', 'Quin', 'Rafa', 'Rhea', 'Rosa', 'Sami', 'Sara', 'Teo', 'Tilda', 'Uma', 'Vera', 'Vito', 'Wren', 'Xena', 'Yara', 'Yves', 'Zane', 'Zoe', 'Arlo', 'Bruna', 'Cleo', 'Dante', 'Esme', 'Femi'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 1, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 2, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 3, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 4, 1)) - 1) * 1) % 64) + 1) || '.' || ELEMENT_AT(ARRAY['Abara', 'Berg', 'Calder', 'Dunmore', 'Ekberg', 'Falk', 'Garnet', 'Holm', 'Ibsen', 'Jarvik', 'Kestrel', 'Lindqvist', 'Marlow', 'Nyberg', 'Orwell', 'Pascoe', 'Quill', 'Rowan', 'Sorensen', 'Tamsin', 'Ulric', 'Vance', 'Wexley', 'Yarrow', 'Zeller', 'Ashby', 'Brook', 'Corwin', 'Drayton', 'Ellery', 'Fenwick', 'Gale', 'Hartley', 'Ingram', 'Jessup', 'Kimber', 'Lowell', 'Merritt', 'Norcross', 'Oakes', 'Prescott', 'Radley', 'Selby', 'Thorne', 'Upton', 'Voss', 'Whitlock', 'Yeats', 'Aldana', 'Bastos', 'Cortez', 'Duarte', 'Esteves', 'Farias', 'Galvao', 'Herrera', 'Iriarte', 'Jurado', 'Lozano', 'Moraes', 'Navarro', 'Ortega', 'Paredes', 'Quiroga'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 5, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 6, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 7, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 8, 1)) - 1) * 1) % 64) + 1) || '@example.com') END AS v FROM t;

-- case: fake_word
SELECT CASE WHEN v IS NULL THEN NULL ELSE ELEMENT_AT(ARRAY['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 1, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 2, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 3, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 4, 1)) - 1) * 1) % 64) + 1) || '-' || ELEMENT_AT(ARRAY['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'island', 'juniper', 'kestrel', 'lagoon', 'meadow', 'nectar', 'orchid', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yonder', 'zephyr', 'acorn', 'breeze', 'canyon', 'dune', 'estuary', 'falcon', 'glacier', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'maple', 'nimbus', 'onyx', 'prairie', 'quiver', 'reef', 'saffron', 'thistle', 'upland', 'valley', 'walnut', 'yarrow', 'zinnia', 'aspen', 'basalt', 'coral', 'dawn', 'elm', 'fern', 'garnet', 'hazel', 'iris', 'jade', 'koi', 'lotus', 'moss'], (((STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 5, 1)) - 1) * 4096 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 6, 1)) - 1) * 256 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 7, 1)) - 1) * 16 + (STRPOS('0123456789abcdef', SUBSTR(LOWER(TO_HEX(SHA256(FROM_HEX(:maskline_salt) || TO_UTF8(v)))), 8, 1)) - 1) * 1) % 64) + 1) END AS v FROM t;

-- case: scrub
SELECT REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(v, '[^ ,;:<>()"''@*]+@[^ ,;:<>()"''@*]+[.][A-Za-z]{2,}', '[EMAIL]'), '[A-Z]{2}[0-9]{2}[ ]?([A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}', '[IBAN]'), '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{1,4}', '[CREDIT_CARD]'), '[0-9]{3}-[0-9]{2}-[0-9]{4}', '[US_SSN]'), '[+][0-9][0-9 ().-]{7,}[0-9]|[(]?[0-9]{3}[)]?[ .-][0-9]{3}[ .-][0-9]{4}', '[PHONE]'), '[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}', '[IP_ADDRESS]') AS v FROM t;
