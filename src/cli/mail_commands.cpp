// `bsap mail drain --to DIR`: the mailer's side of the e-mail outbox (store/notification_repo.h).
// Each unsent e-mail becomes DIR/<id>.eml, an RFC 5322 message in UTF-8 that any mail transfer
// agent can send (for example `sendmail -t < DIR/12.eml`), and is marked sent in the same
// transaction that lists it, so a message is written once. A file that cannot be written stops
// the drain before the outbox says it was sent.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/crypto.h"
#include "store/notification_repo.h"

namespace bsap::cli {
namespace {

constexpr std::string_view kFrom = "CCFS Secretariat <ccfs-secretariat@bsap.invalid>";

// RFC 2047: a header of UTF-8 text as one encoded word.
std::string encoded_header(std::string_view text) {
  return "=?UTF-8?B?" + base64_encode(text) + "?=";
}

// RFC 2045 §6.8: encoded lines of at most 76 characters.
std::string wrapped(const std::string& encoded) {
  std::string lines;
  for (std::size_t at = 0; at < encoded.size(); at += 76) lines += encoded.substr(at, 76) + "\r\n";
  return lines;
}

std::string message_of(const store::OutboxEmail& email) {
  return "From: " + std::string(kFrom) + "\r\nTo: " + email.to_address +
         "\r\nSubject: " + encoded_header(email.subject) +
         "\r\nX-Bsap-Queued: " + email.created_at +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         wrapped(base64_encode(email.body));
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) refuse("cannot write " + path.string());
}

void drain(const GlobalOptions& global, const std::string& to) {
  std::error_code error;
  std::filesystem::create_directories(to, error);
  if (error) refuse("cannot create " + to + ": " + error.message());
  auto store = store::open_store(global.db_url);
  store->migrate();
  int sent = 0;
  store::in_transaction(*store, [&](store::Transaction& tx) {
    for (const store::OutboxEmail& email : store::list_unsent_email(tx)) {
      write_file(std::filesystem::path(to) / (std::to_string(email.id) + ".eml"),
                 message_of(email));
      store::mark_email_sent(tx, email.id, "mailer");
      ++sent;
    }
  });
  std::cout << "mail: " << sent << " e-mail(s) written to " << to << "\n";
}

}  // namespace

void add_mail_commands(CLI::App& app, const GlobalOptions& options) {
  auto* mail = app.add_subcommand("mail", "The e-mail outbox");
  mail->require_subcommand(1);
  auto to = std::make_shared<std::string>();
  auto* drain_cmd = mail->add_subcommand("drain", "Write every unsent e-mail out and mark it sent");
  drain_cmd->add_option("--to", *to, "Folder for the .eml files")->required();
  drain_cmd->callback([&options, to] { drain(options, *to); });
}

}  // namespace bsap::cli
