// The organisations that apply (guidelines §2.3.1) and the users who act for them. Every change
// is audited in the same transaction.
//
// A user belongs to at most one organisation (the database holds to it): the portal then always
// knows whose drafts and documents a signed-in applicant sees. Exactly one member is the
// person-in-charge (負責人, §2.6.3), the one who may submit; the organisation's creator is the
// first. Who may add members or name another person-in-charge is the web layer's rule to apply;
// these functions keep the data consistent and record who did it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace bsap::store {

struct NewOrganisation {
  std::string name_zh;
  std::string name_en;
  // An applicants.yaml applicant_types key: charitable_institution, non_profit_company or
  // post_secondary_institution (§2.3.1 (a)(b)(c)). The caller checks it against the ruleset in
  // force; the store only checks that it looks like a key.
  std::string kind;
  // Registered under the Societies Ordinance (Cap. 151): such bodies are not eligible
  // (§2.3.1(a) 註7). Recorded as declared; the checker draws the conclusion.
  bool registered_under_societies_ordinance = false;
};

struct Organisation {
  std::int64_t id = 0;
  std::string name_zh;
  std::string name_en;
  std::string kind;
  bool registered_under_societies_ordinance = false;
  std::string created_at;  // UTC ISO 8601
  std::int64_t created_by = 0;
};

struct Member {
  std::int64_t organisation_id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string email;
  bool is_person_in_charge = false;
  std::string post;  // the post held, as named in the §2.3.1 documents (§2.6.3)
  std::string added_at;
};

// A user acting on an organisation they do not belong to.
class NotAMember : public StoreError {
 public:
  using StoreError::StoreError;
};

// Creates the organisation with its creator as the first member and person-in-charge, holding
// `post`. Throws StoreError if the creator already belongs to an organisation, has no account,
// or the organisation has no name or a malformed kind.
std::int64_t create_organisation(Transaction& tx, const NewOrganisation& organisation,
                                 std::int64_t creator_user_id, std::string_view post);
std::optional<Organisation> find_organisation(Transaction& tx, std::int64_t id);
// The organisation the user belongs to, if any.
std::optional<Organisation> organisation_of_user(Transaction& tx, std::int64_t user_id);

// Adds an existing user as an ordinary member. Throws StoreError if they already belong to an
// organisation (this one or another).
void add_member(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id,
                std::string_view post, std::string_view actor);
// The person-in-charge first, then in the order they joined.
std::vector<Member> list_members(Transaction& tx, std::int64_t organisation_id);
std::optional<Member> find_member(Transaction& tx, std::int64_t organisation_id,
                                  std::int64_t user_id);
// As find_member, but throws NotAMember naming the user and the organisation.
Member require_member(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id);
// Makes the member the person-in-charge in place of the present one (§2.6.3). After approval a
// change needs the secretariat's prior approval (§5.16.6); the web layer asks for it.
void set_person_in_charge(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id,
                          std::string_view actor);

}  // namespace bsap::store
