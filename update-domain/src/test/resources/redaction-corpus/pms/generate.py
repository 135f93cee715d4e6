#!/usr/bin/env python3
"""Writes generated.txt: realistic PMS error texts with personal data in every place it hides.

Each case marks what must go as [[go:...]] -> written as ⟦...⟧ and what must stay as ⟪...⟫.
The data is invented; the shapes are those a Laravel PMS on MariaDB produces (QueryException
with inlined bindings, validation errors, request logs, Eloquent dumps, JS errors with URLs).
Deterministic (seeded), so the file only changes when this script does. Run from this folder.
"""
import json
import random
import urllib.parse

rnd = random.Random(13)

MM_NAMES = ["Daw Khin Myat Noe", "U Aung Kyaw Moe", "Ma Thida Win", "Ko Zaw Min Htet",
            "Daw Aye Aye Mon", "U Ba Hla", "Mg Phyo Wai", "Thandar Hlaing", "Nyein Chan Aung",
            "Hnin Wutt Yee", "Su Myat Noe", "Kyaw Zin Htet", "Saw Eh Htoo", "Naw Paw Say",
            "Sai Htun Lin", "Nang Hsu Mon", "Yadanar Oo", "Htet Aung Lwin", "Ei Thinzar Phyo",
            "Aung Myint Myat"]
EN_NAMES = ["John Smith", "Emily Carter", "Li Wei", "Somchai Jaidee", "Priya Sharma",
            "Tanaka Hiroshi", "Nguyen Van An", "Maria Garcia"]
MY_SCRIPT_NAMES = ["ဒေါ်ခင်မြတ်နိုး", "ဦးအောင်ကျော်မိုး", "ဒေါ်အေးအေးမွန်", "မောင်ဖြိုးဝေ"]
PHONES = ["09791234567", "09-791-234-567", "09 791 234 567", "+95 9 791 234 567",
          "+959791234567", "959791234567", "0095 9 791 234 567", "(+95) 9-450-123-456",
          "၀၉၇၉၁၂၃၄၅၆၇", "၀၉ ၄၅၀ ၁၂၃ ၄၅၆", "+၉၅ ၉ ၄၅၀ ၁၂၃ ၄၅၆", "9 791 234 570",
          "0066 81 234 5679", "+66 81 234 5679", "138 0013 8001", "+86 138 0013 8001",
          "+65 9123 4567", "+91 98765 43210", "+44 7700 900123", "+1 (202) 555-0143"]
EMAILS = ["kyaw.zin@outlook.com", "thida.win@gmail.com", "aye.mon+booking@yahoo.com",
          "john.smith@example.co.uk", "somchai.j@hotmail.com", "hnin.wutt@mpt.net.mm"]
NRCS = ["12/OUKAMA(N)123456", "12/OUKAMA/N/765432", "12/OuKaMa (N) 123456",
        "12 / OUKAMA (N) 765432", "9/MAHTANA(N)654321", "14/PATHANA N 009876",
        "12-OUKAMA-N-765432", "၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆", "12/ဥကမ(နိုင်)123456", "7/PAKHANA(E)234567",
        "13/LAKANA(N)345 678"]
PASSPORTS = ["MA1234567", "MB9876543", "MC7654321", "M1234567"]
FOREIGN_PASSPORTS = ["E12345678", "AA1234567", "K01234567"]
CARDS = ["4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444", "378282246310005"]
ADDRESSES = ["No. 12, Bogyoke Aung San Road, Yangon", "45 Pyay Road, Kamayut Township",
             "Room 3B, 78th Street, Mandalay", "221B Baker Street, London"]
DOBS = ["1990-01-14", "14/01/1990", "1985-12-31"]
TOKENS = ["eyJpdiI6IkxxYzQ5d0lxRGZ3In0", "a1b2c3d4e5f6a7b8c9d0", "9f8e7d6c5b4a39281706",
          "s3cr3t-P@ssw0rd", "Pms!2024secure"]

TABLES = ["guests", "reservations", "bookings", "folios", "customers"]
EXCEPTIONS = ["Illuminate\\Database\\QueryException", "Illuminate\\Validation\\ValidationException",
              "ErrorException", "Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException",
              "App\\Exceptions\\BookingException", "TypeError"]
FRAMES = ["#0 /var/www/pms/vendor/laravel/framework/src/Illuminate/Database/Connection.php(760)",
          "#1 /var/www/pms/app/Http/Controllers/GuestController.php(42)",
          "#2 /var/www/pms/app/Services/CheckInService.php(118)",
          "#3 /var/www/pms/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54)"]


def go(v):
    return "⟦" + v + "⟧"


def stay(v):
    return "⟪" + v + "⟫"


def pick(xs):
    return rnd.choice(xs)


def name():
    return pick(MM_NAMES + MM_NAMES + EN_NAMES)


cases = []


def add(text):
    cases.append(text)


# 1. QueryException with quoted bindings (Laravel 10) and unquoted ones (Laravel 8)
for i in range(30):
    t = pick(TABLES)
    n, p, e = name(), pick(PHONES), pick(EMAILS)
    code = pick(["23000", "22001", "42S22", "HY000"])
    if i % 3 == 0:
        sql = (f"insert into `{t}` (`name`, `phone`, `email`, `room_id`) values "
               f"({go(n)}, {go(p)}, {go(e)}, {stay(str(300 + i))})")
    elif i % 3 == 1:
        sql = (f"select * from `{t}` where `email` = '{go(e)}' and `deleted_at` is null "
               f"{stay('limit 1')}")
    else:
        sql = (f"update `{t}` set `full_name` = {go(n)}, `updated_at` = 2024-06-1{i % 9} "
               f"10:15:30 where `id` = {stay(str(1000 + i))}")
    add(f"{stay(pick(EXCEPTIONS[:1]))}: SQLSTATE[{stay(code)}]: Integrity constraint violation: "
        f"1062 (Connection: mysql, SQL: {sql})\n{stay(FRAMES[0])}: "
        f"Illuminate\\Database\\Connection->runQueryCallback()\n{stay(FRAMES[1])}")

# 2. Duplicate entry messages: the value is quoted by MariaDB
for i in range(14):
    v = pick([pick(EMAILS), pick(PHONES), pick(NRCS), pick(PASSPORTS)])
    add(f"SQLSTATE[23000]: Integrity constraint violation: {stay('1062 Duplicate entry')} "
        f"'{go(v)}' for key '{stay('guests_' + pick(['email', 'phone', 'nrc', 'passport']) + '_unique')}'")

# 3. key=value logs, semicolons and spaces, every role
ROLES = ["guest_name", "customer_name", "booked_by", "contact_person", "emergency_contact",
         "holder_name", "first_name", "last_name", "guestName", "GuestFullName",
         "traveller", "companion_name", "father_name", "passenger", "reserved_by"]
for i, role in enumerate(ROLES * 2):
    n = name()
    room = str(100 + i * 7)
    sep = pick(["=", ": ", "="])
    add(f"[2024-06-1{i % 9} 10:{10 + i}:05] production.ERROR: check-in failed {role}{sep}{go(n)}; "
        f"{stay('room=' + room)}; {stay('nights=' + str(1 + i % 5))} "
        + '{"exception":"[object] (' + stay('App\\\\Exceptions\\\\CheckInException') + '(code: 0)"}')

# 4. JSON in free text, and JSON escaped inside JSON
KEYS = [("guest_name", name), ("passport_no", lambda: pick(PASSPORTS + FOREIGN_PASSPORTS)),
        ("phone", lambda: pick(PHONES)), ("email", lambda: pick(EMAILS)),
        ("nrc_no", lambda: pick(NRCS)), ("date_of_birth", lambda: pick(DOBS)),
        ("address", lambda: pick(ADDRESSES)), ("customer", name), ("contact", name),
        ("emergency_contact", lambda: name() + " " + pick(PHONES))]
for i in range(30):
    k1, f1 = pick(KEYS)
    k2, f2 = pick(KEYS)
    v1, v2 = f1(), f2()
    inner = f'{{"{k1}":"{go(v1)}", "{k2}": "{go(v2)}", "{stay("room_id")}": {stay(str(200 + i))}}}'
    if i % 3 == 0:
        add(f"ErrorException: Undefined array key \"{stay('room')}\" in "
            f"{stay('/var/www/pms/app/Http/Controllers/BookingController.php:55')} (request: {inner})")
    elif i % 3 == 1:
        esc = inner.replace('"', '\\"')
        add(f'{{"message":"Booking failed","context":"{esc}","{stay("level")}":"{stay("error")}"}}')
    else:
        add(f"local.ERROR: payload {inner} {stay('trace_id=4bf92f3577b34da6a3ce929d0e0e4736')}")

# 5. URL-encoded e-mails, query strings, form bodies
for i in range(24):
    e = pick(EMAILS)
    enc = urllib.parse.quote(e, safe="")
    n = name()
    nenc = urllib.parse.quote_plus(n)
    form = i % 4
    if form == 0:
        add(f"GET {stay('/api/v1/guests/')}{go(enc)}{stay('/bookings')} 500 Internal Server Error")
    elif form == 1:
        add(f"POST /checkin 422 body: guest_name={go(nenc)}&passport_no="
            f"{go(pick(PASSPORTS + FOREIGN_PASSPORTS))}&{stay('room=' + str(300 + i))}&"
            f"{stay('nights=2')}")
    elif form == 2:
        j = urllib.parse.quote(json.dumps({"email": e, "guest_name": n}), safe="")
        add(f"Error: Request failed GET https://pms.example.com/api/search?{stay('filter=')}"
            f"{go(j)}&{stay('page=2')}")
    else:
        dbl = urllib.parse.quote(enc, safe="")
        add(f"redirect to /login?{stay('next=%2Fdashboard')}&email={go(dbl)}")

# 6. MRZ lines, PEM keys, cookies, session ids, cards, cvc
for i in range(8):
    surname = pick(["AUNG", "KHIN", "THIRI", "ZAW", "SMITH"])
    given = pick(["THIRI", "MYAT<NOE", "KYAW<ZIN", "JOHN"])
    pp = pick(PASSPORTS)
    l1 = f"P<MMR{surname}<<{given}".ljust(44, "<")
    l2 = (pp + "<0MMR9001014F3001012").ljust(42, "<") + "02"
    if i % 2 == 0:
        add(f"OCR {stay('PassportScanner')} could not parse:\n{go(l1)}\n{go(l2)}")
    else:
        add(f"MRZ checksum failed for {go(l1[:18])}… and {go(pp)}… ({stay('line 2')})")
for i in range(6):
    add(f"{stay('openssl_pkey_get_private()')} failed for key: -----BEGIN "
        f"{pick(['', 'RSA ', 'EC '])}PRIVATE KEY-----\n{go('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC' + str(i))}\n"
        f"{go('7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSu' + str(i))}\n"
        f"-----END PRIVATE KEY-----")
for i in range(10):
    tok = pick(TOKENS)
    form = i % 5
    if form == 0:
        add(f"Cookie: PHPSESSID={go(tok)}; laravel_session={go(pick(TOKENS))}")
    elif form == 1:
        add(f"Set-Cookie: XSRF-TOKEN={go(tok)}; path=/; samesite=lax\n{stay('session expired')} at login")
    elif form == 2:
        add(f"{{\"headers\":{{\"{stay('accept')}\":\"{stay('application/json')}\","
            f"\"cookie\":\"laravel_session={go(tok)}\"}}}}")
    elif form == 3:
        add(f"session_id={go(tok)} {stay('user_id=4821')} {stay('route=bookings.store')}")
    else:
        add(f"PaymentException: card {go(pick(CARDS))} declined cvc={go(str(100 + i * 7))} "
            f"{stay('amount=150000')} {stay('currency=MMK')}")

# 7. Eloquent / var_dump / print_r dumps
for i in range(14):
    n, p, e = name(), pick(PHONES), pick(EMAILS)
    form = i % 3
    if form == 0:
        add(f"App\\Models\\Guest {{#{1200 + i}\n  #attributes: array:5 [\n    \"{stay('id')}\" => "
            f"{stay(str(88 + i))}\n    \"name\" => \"{go(n)}\"\n    \"phone\" => \"{go(p)}\"\n"
            f"    \"email\" => \"{go(e)}\"\n    \"{stay('status')}\" => \"{stay('checked_in')}\"\n  ]\n}}")
    elif form == 1:
        add(f"Array\n(\n    [{stay('booking_id')}] => {stay(str(5500 + i))}\n    [guest_name] => "
            f"{go(n)}\n    [nrc] => {go(pick(NRCS))}\n)")
    else:
        add(f"array(3) {{\n  [\"{stay('room')}\"]=>\n  int({stay(str(301 + i))})\n  [\"customer_name\"]=>\n"
            f"  string({len(n)}) \"{go(n)}\"\n  [\"mobile\"]=>\n  string(11) \"{go(p)}\"\n}}")

# 8. Validation errors and JS errors with URLs
for i in range(16):
    p, e = pick(PHONES), pick(EMAILS)
    form = i % 4
    if form == 0:
        add(f"{stay('ValidationException')}: The phone {go(p)} is not a valid Myanmar number. "
            f"{stay('(and 1 more error)')}")
    elif form == 1:
        add(f"TypeError: Cannot read properties of undefined (reading '{stay('room')}')\n"
            f"    at submit (https://pms.example.com/guests/{go(urllib.parse.quote(e))}/edit:1:48213)")
    elif form == 2:
        add(f"Uncaught (in promise) Error: 409 https://pms.example.com/api/guests?phone="
            f"{go(urllib.parse.quote(p))}&{stay('include=bookings')}")
    else:
        add(f"Error: SMS to {go(p)} failed: {stay('provider returned 503')} "
            f"({stay('retry 3 of 5')})")

# 9. Prose with honorifics and Burmese
for i in range(16):
    form = i % 4
    if form == 0:
        add(f"Guest {go(pick(MM_NAMES[:8]))} could not check in to room {stay(str(400 + i))}: "
            f"{stay('folio locked')}")
    elif form == 1:
        add(f"ဧည့်သည် {go(pick(MY_SCRIPT_NAMES))} ၏ ဖုန်း {go(pick(PHONES[8:11]))} ကို "
            f"{stay('စစ်ဆေး၍မရပါ')}")
    elif form == 2:
        add(f"မှတ်ပုံတင် {go(pick(NRCS))} ဖြင့် ဧည့်သည်ကို {stay('ရှာမတွေ့ပါ')} ({stay('room 512')})")
    else:
        add(f"Mr {go(pick(EN_NAMES[:2]))} requested late checkout; {stay('housekeeping notified')}")

# 10. Ids that are data, and opaque ids that are not
for i in range(10):
    form = i % 2
    if form == 0:
        add(f"{stay('trace_id=0af7651916cd43dd8448eb211c80319c')} user_id={go(pick(PHONES[:6]))} "
            f"{stay('request_id=req-' + str(7000 + i))}")
    else:
        add(f"{{\"{stay('user_id')}\": \"{go(pick(EMAILS))}\", \"{stay('request_id')}\": "
            f"\"{stay('9b2c' + str(i) + 'e1f')}\"}}")

header = ("%% generated by generate.py in this folder; do not edit by hand, edit the script\n"
          "%% ⟦…⟧ must go, ⟪…⟫ must stay\n")
with open("generated.txt", "w", encoding="utf-8") as f:
    f.write(header + "\n----\n".join(cases) + "\n")
print(len(cases), "cases")
