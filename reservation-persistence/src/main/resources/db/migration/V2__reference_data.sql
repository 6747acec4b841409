-- Seeded reference data (SPEC §4). Airports are open around the clock (opens_at = closes_at).

INSERT INTO office (code, name, city, time_zone, opens_at, closes_at) VALUES
  ('MAD-AIRPORT', 'Madrid-Barajas Airport',           'Madrid',                   'Europe/Madrid',   '00:00', '00:00'),
  ('BCN-AIRPORT', 'Barcelona-El Prat Airport',        'Barcelona',                'Europe/Madrid',   '00:00', '00:00'),
  ('AGP-AIRPORT', 'Málaga-Costa del Sol Airport',     'Málaga',                   'Europe/Madrid',   '00:00', '00:00'),
  ('PMI-AIRPORT', 'Palma de Mallorca Airport',        'Palma',                    'Europe/Madrid',   '00:00', '00:00'),
  ('VLC-AIRPORT', 'Valencia Airport',                 'Valencia',                 'Europe/Madrid',   '00:00', '00:00'),
  ('SVQ-AIRPORT', 'Sevilla Airport',                  'Sevilla',                  'Europe/Madrid',   '00:00', '00:00'),
  ('BIO-AIRPORT', 'Bilbao Airport',                   'Bilbao',                   'Europe/Madrid',   '00:00', '00:00'),
  ('LPA-AIRPORT', 'Gran Canaria Airport',             'Las Palmas de Gran Canaria', 'Atlantic/Canary', '00:00', '00:00'),
  ('MAD-ATOCHA',  'Madrid Atocha Station',            'Madrid',                   'Europe/Madrid',   '07:00', '23:00'),
  ('BCN-SANTS',   'Barcelona Sants Station',          'Barcelona',                'Europe/Madrid',   '07:00', '23:00');

INSERT INTO supplier (code, name) VALUES
  ('IBERCAR',  'Ibercar Rent a Car'),
  ('SOLRENT',  'Sol Rent'),
  ('NORTEAUTO','Norte Auto Alquiler');

INSERT INTO vehicle_category (code, description, daily_rate, currency) VALUES
  ('MBMR', 'Mini 2/4-door, manual, air conditioning',            29.90, 'EUR'),
  ('ECMN', 'Economy 2/4-door, manual, no air conditioning',      34.50, 'EUR'),
  ('CDMR', 'Compact 4/5-door, manual, air conditioning',         49.00, 'EUR'),
  ('CDAR', 'Compact 4/5-door, automatic, air conditioning',      82.40, 'EUR'),
  ('IDAR', 'Intermediate 4/5-door, automatic, air conditioning', 95.00, 'EUR'),
  ('SFAR', 'Standard SUV, automatic, air conditioning',         119.00, 'EUR'),
  ('PVAR', 'Premium passenger van, automatic, air conditioning', 159.00, 'EUR');

-- IBERCAR and SOLRENT rent every category everywhere; NORTEAUTO only in the north and Madrid,
-- without minis and vans.
INSERT INTO supplier_coverage (supplier_code, office_code, category_code)
  SELECT s.code, o.code, c.code FROM supplier s CROSS JOIN office o CROSS JOIN vehicle_category c
  WHERE s.code IN ('IBERCAR', 'SOLRENT');
INSERT INTO supplier_coverage (supplier_code, office_code, category_code)
  SELECT 'NORTEAUTO', o.code, c.code FROM office o CROSS JOIN vehicle_category c
  WHERE o.code IN ('BIO-AIRPORT', 'MAD-AIRPORT', 'MAD-ATOCHA')
    AND c.code NOT IN ('MBMR', 'PVAR');
