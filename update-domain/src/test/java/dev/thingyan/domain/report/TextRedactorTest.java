package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextRedactorTest {
  private final TextRedactor redactor = new TextRedactor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mail me at aung.aung+pms@gmail.com now        | mail me at [email] now
      ေမာင်မောင် မေးလ် maung@yahoo.com ပါ             | ေမာင်[name] [email] ပါ
      call +95 9 123 456 789 please                   | call [phone] please
      call +959123456789                              | call [phone]
      call 959123456789                               | call [phone]
      call 09123456789                                | call [phone]
      call 09-123-456-789                             | call [phone]
      call 09 7 9876 5432                             | call [phone]
      ဖုန်း ၀၉၁၂၃၄၅၆၇၈၉ သို့                              | ဖုန်း [phone] သို့
      ဖုန်း +၉၅ ၉ ၁၂၃ ၄၅၆ ၇၈၉                              | ဖုန်း [phone]
      US +1 (555) 123-4567 here                       | US [phone] here
      NRC 12/OUKAMA(N)123456 given                    | NRC [nrc] given
      NRC 12/OuKaMa (N) 123456                        | NRC [nrc]
      မှတ်ပုံတင် ၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆ ဖြစ်သည်             | မှတ်ပုံတင် [nrc] ဖြစ်သည်
      passport MA1234567 ok                           | passport [passport] ok
      passport no: AB1234567                          | passport no: [passport]
      card 4111 1111 1111 1111 used                   | card [card] used
      card 4111-1111-1111-1111                        | card [card]
      Authorization: Bearer abcdef123456.xyz          | Authorization: [secret]
      sent bearer abcdef1234567890                    | sent bearer [token]
      https://api.example.com/x?access_token=s3cr3t&a=1 | https://api.example.com/x?access_token=[secret]&a=1
      jdbc:postgresql://pms:hunter2@db/pms            | jdbc:postgresql://[secret]@db/pms
      {"password":"p@ss w0rd","user":"x"}            | {"password":"[secret]","user":"x"}
      db_password=hunter2 port=5432                   | db_password=[secret] port=5432
      token ghp_abcdefghijklmnopqrstuvwxyz0123456789 | token [token]
      """)
  void redactsByValue(String input, String expected) {
    assertThat(redactor.redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      order 1718000000000 created at 2024-06-10T10:15:30Z
      version 1.4.2 on port 5432 in 12.5 ms
      room 0412 for 3 nights, invoice INV-2024-000123
      at dev.thingyan.Foo.bar(Foo.java:123)
      the token expired; please log in again
      order id 4111111111111112 is not a card (Luhn fails)
      """)
  void leavesHarmlessTextAlone(String input) {
    assertThat(redactor.redact(input)).isEqualTo(input);
  }
}
